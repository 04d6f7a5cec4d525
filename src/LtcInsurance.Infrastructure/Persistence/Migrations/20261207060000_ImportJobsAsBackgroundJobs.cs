using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// The register import runs as a background job (kind <c>register_import</c>, the same id as its import row; its file in
/// <c>background_job_files</c>, which migration BackgroundJobs created under row-level security with FORCE). Its apply
/// step commits in batches, each with the last row it wrote (<c>applied_through_row</c>), so a job recovered after its
/// worker died continues after it. Imports the old in-request code left <c>staging</c> or <c>applying</c> have no job
/// and no file to continue from: they are marked failed with the reason and their staged rows deleted.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207060000_ImportJobsAsBackgroundJobs")]
public sealed class ImportJobsAsBackgroundJobs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            ALTER TABLE import_jobs ADD COLUMN applied_through_row integer NOT NULL DEFAULT 0;
            ALTER TABLE import_jobs ALTER COLUMN applied_through_row DROP DEFAULT;

            DELETE FROM import_rows r USING import_jobs j
            WHERE r.tenant_id = j.tenant_id AND r.job_id = j.id AND j.status IN ('staging', 'applying');
            UPDATE import_jobs
            SET status = 'failed', total_rows = 0, valid_rows = 0, error_rows = 0, updated_at = now(),
                message = '升级前中断的导入（没有后台作业可继续），暂存行已清除，请重新上传文件'
            WHERE status IN ('staging', 'applying');
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("ALTER TABLE import_jobs DROP COLUMN applied_through_row;");
    }
}
