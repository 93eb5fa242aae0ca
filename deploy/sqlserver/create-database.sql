-- Run by compose's db-init as sa, on every `docker compose up`: so every step checks before it acts.
-- $(PERFEVAL_DB_PASSWORD) comes from the environment (sqlcmd takes environment variables as
-- scripting variables). The schema itself is the service's: `migrate` creates and upgrades it.

IF DB_ID(N'PerfEval') IS NULL
    CREATE DATABASE PerfEval;
GO

-- Readers never block writers (the service's README asks for it).
IF EXISTS (SELECT 1 FROM sys.databases WHERE name = N'PerfEval' AND is_read_committed_snapshot_on = 0)
    ALTER DATABASE PerfEval SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;
GO

IF SUSER_ID(N'perfeval') IS NULL
    CREATE LOGIN perfeval WITH PASSWORD = N'$(PERFEVAL_DB_PASSWORD)', CHECK_POLICY = ON;
ELSE
    ALTER LOGIN perfeval WITH PASSWORD = N'$(PERFEVAL_DB_PASSWORD)';
GO

USE PerfEval;
GO

-- db_owner because the same login migrates (DDL) and serves (DML) here. In production the migrate
-- Job can use a login with DDL rights and the replicas one with data rights only.
IF DATABASE_PRINCIPAL_ID(N'perfeval') IS NULL
    CREATE USER perfeval FOR LOGIN perfeval;
ALTER ROLE db_owner ADD MEMBER perfeval;
GO
