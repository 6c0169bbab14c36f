-- One database per service (docker-compose runs this on the first start of the PostgreSQL container).
CREATE DATABASE boligflyt_applications;
CREATE DATABASE boligflyt_temporary_housing;
CREATE DATABASE boligflyt_maintenance;
CREATE DATABASE boligflyt_ordering;
CREATE DATABASE boligflyt_dashboard;
CREATE DATABASE boligflyt_integrations;
