using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// Durable background jobs (billing runs, register imports): the job table that workers claim with
/// <c>FOR UPDATE SKIP LOCKED</c> and keep alive with a heartbeat, and the uploaded file a job works from, so that a job
/// survives a restart. Both are tenant tables under row-level security like every other: a worker finds queued jobs
/// by acting for each tenant in turn (the tenant list is platform data the application role reads), never through a
/// function that bypasses the policies. See docs/operations.md (the worker).
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261128003000_BackgroundJobs")]
public sealed class BackgroundJobs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE background_jobs (
                tenant_id character varying(32) NOT NULL,
                id uuid NOT NULL,
                kind character varying(32) NOT NULL,
                payload jsonb NOT NULL,
                status character varying(16) NOT NULL,
                attempts integer NOT NULL,
                locked_by character varying(100),
                heartbeat_at timestamp with time zone,
                progress_done integer NOT NULL,
                progress_total integer NOT NULL,
                message character varying(500),
                result jsonb,
                created_by character varying(100) NOT NULL,
                created_at timestamp with time zone NOT NULL,
                started_at timestamp with time zone,
                finished_at timestamp with time zone,
                updated_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_background_jobs PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_background_jobs_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
            );
            CREATE INDEX ix_background_jobs_status ON background_jobs (tenant_id, status, created_at);

            CREATE TABLE background_job_files (
                tenant_id character varying(32) NOT NULL,
                job_id uuid NOT NULL,
                file_name character varying(260) NOT NULL,
                content bytea NOT NULL,
                CONSTRAINT pk_background_job_files PRIMARY KEY (tenant_id, job_id),
                CONSTRAINT fk_background_job_files_background_jobs_tenant_id_job_id FOREIGN KEY (tenant_id, job_id)
                    REFERENCES background_jobs (tenant_id, id) ON DELETE CASCADE,
                CONSTRAINT fk_background_job_files_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
            );
            """);
        migrationBuilder.EnableTenantRowLevelSecurity("background_jobs");
        migrationBuilder.EnableTenantRowLevelSecurity("background_job_files");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP TABLE background_job_files, background_jobs;");
    }
}
