using LtcInsurance.Application.Import;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Persistence.Configurations;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace LtcInsurance.Infrastructure.Import;

/// <summary>
/// The PostgreSQL side of the register import (<see cref="IRegisterImportStore"/>): rows are written with binary COPY
/// into a session-private table, then moved into import_rows (COPY cannot write into a table under row-level
/// security); the valid rows go into the register with INSERT ... ON CONFLICT, so the same file applied twice changes
/// nothing the second time.
/// </summary>
internal sealed class RegisterImportStore(LtcDbContext db, TimeProvider clock) : IRegisterImportStore
{
    /// <summary>Staging and applying a million rows take minutes, far beyond the default 30-second command timeout.</summary>
    public static readonly TimeSpan BulkCommandTimeout = TimeSpan.FromMinutes(30);

    /// <summary>The error an enrollment gets when the register's no-overlap constraint refuses it.</summary>
    public const string OverlapMessage = "参保期间与该人员已登记的参保期间重叠，未新增参保期间";

    private static readonly EnumText<ImportJobStatus> StatusText = new();

    private string Tenant => db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");

    public async Task<IRegisterImportStaging> BeginStagingAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        db.Database.SetCommandTimeout(BulkCommandTimeout);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await db.Database.ExecuteSqlAsync($"DELETE FROM import_rows WHERE job_id = {jobId}", cancellationToken);
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TEMP TABLE import_stage (LIKE import_rows) ON COMMIT DROP", cancellationToken);
            var copy = await connection.BeginBinaryImportAsync(
                "COPY import_stage (tenant_id, job_id, row_number, person_id, id_number, name, sex, birth_date, phone, " +
                "region_code, medical_insurance, employment, statuses, enrolled_from, scheme, error_columns, error_messages) " +
                "FROM STDIN (FORMAT BINARY)", cancellationToken);
            copy.Timeout = BulkCommandTimeout;
            return new Staging(db, clock, transaction, copy, Tenant, jobId);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public async Task ReportProgressAsync(Guid jobId, int total, int valid, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await TenantSession.SetForTransactionAsync(connection, transaction, Tenant, cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE import_jobs SET total_rows = @total, valid_rows = @valid, error_rows = @total - @valid, updated_at = now() WHERE id = @job",
            connection, transaction);
        command.Parameters.AddWithValue("total", total);
        command.Parameters.AddWithValue("valid", valid);
        command.Parameters.AddWithValue("job", jobId);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task MarkFailedAsync(Guid jobId, string message, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        var failed = StatusText.ConvertToProvider(ImportJobStatus.Failed);
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync(
            $"UPDATE import_jobs SET status = {failed}, message = {message}, total_rows = 0, valid_rows = 0, error_rows = 0, updated_at = {now} WHERE id = {jobId}",
            cancellationToken);
    }

    public async Task ApplyAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        db.Database.SetCommandTimeout(BulkCommandTimeout);
        var applying = StatusText.ConvertToProvider(ImportJobStatus.Applying);
        var started = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync(
            $"UPDATE import_jobs SET status = {applying}, message = NULL, updated_at = {started} WHERE id = {jobId}", cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The rows this transaction writes are invisible to autovacuum's statistics until it commits, so the planner
        // sees a register of a few hundred people while it joins a million staged rows against a million new ones,
        // and picks nested loops: quadratic (a 1,000,000-row file ran for over 20 minutes in one statement). The
        // application role may not ANALYZE (it owns nothing), so hash joins are forced for this transaction only.
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_nestloop = off", cancellationToken);
        var people = await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO insured_people (tenant_id, id, id_number, name, sex, birth_date, phone, region_code,
                                        medical_insurance, employment, created_at)
            SELECT r.tenant_id, r.person_id, r.id_number, r.name, r.sex, r.birth_date, r.phone, r.region_code,
                   r.medical_insurance, r.employment, now()
            FROM import_rows r
            WHERE r.job_id = @job AND cardinality(r.error_messages) = 0
            ON CONFLICT (tenant_id, id_number) DO UPDATE
                SET name = excluded.name, sex = excluded.sex, birth_date = excluded.birth_date, phone = excluded.phone,
                    region_code = excluded.region_code, medical_insurance = excluded.medical_insurance,
                    employment = excluded.employment
                WHERE (insured_people.name, insured_people.sex, insured_people.birth_date, insured_people.phone,
                       insured_people.region_code, insured_people.medical_insurance, insured_people.employment)
                      IS DISTINCT FROM
                      (excluded.name, excluded.sex, excluded.birth_date, excluded.phone, excluded.region_code,
                       excluded.medical_insurance, excluded.employment)
            """, [new NpgsqlParameter("job", jobId)], cancellationToken);
        // A category is added unless the person already has it open; it runs from the enrollment date, or the import day.
        var statuses = await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO person_status_periods (tenant_id, id, person_id, status, from_date, to_date)
            SELECT r.tenant_id, gen_random_uuid(), p.id, s.status, coalesce(r.enrolled_from, current_date), NULL
            FROM import_rows r
            JOIN insured_people p ON p.tenant_id = r.tenant_id AND p.id_number = r.id_number
            CROSS JOIN LATERAL unnest(r.statuses) AS s(status)
            WHERE r.job_id = @job AND cardinality(r.error_messages) = 0
              AND NOT EXISTS (SELECT 1 FROM person_status_periods x
                              WHERE x.tenant_id = p.tenant_id AND x.person_id = p.id AND x.status = s.status AND x.to_date IS NULL)
            ON CONFLICT (tenant_id, person_id, status, from_date) DO NOTHING
            """, [new NpgsqlParameter("job", jobId)], cancellationToken);
        var (enrollments, refused) = await EnrollAsync(jobId, cancellationToken);

        var completed = StatusText.ConvertToProvider(ImportJobStatus.Completed);
        var done = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE import_jobs SET status = {completed}, applied_rows = {people + statuses + enrollments},
                valid_rows = valid_rows - {refused}, error_rows = error_rows + {refused}, message = NULL, updated_at = {done}
            WHERE id = {jobId}
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Adds the rows' enrollments, open from their enrollment date. Whether one may be added is the register's
    /// exclusion constraint's decision (a person's periods never overlap, migration EnrollmentNoOverlap), not a copy of
    /// the rule here: ON CONFLICT DO NOTHING lets it refuse row by row. A refused enrollment the register already holds
    /// (same person, start and scheme: the same file imported again) is fine; any other refusal becomes an error of its
    /// row. Answers the enrollments added and the rows refused.
    /// </summary>
    private async Task<(int Added, int Refused)> EnrollAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand($"""
            WITH candidate AS (
                SELECT r.tenant_id, r.row_number, p.id AS person_id, r.scheme, r.enrolled_from
                FROM import_rows r
                JOIN insured_people p ON p.tenant_id = r.tenant_id AND p.id_number = r.id_number
                WHERE r.job_id = @job AND cardinality(r.error_messages) = 0
                  AND r.enrolled_from IS NOT NULL AND r.scheme IS NOT NULL
            ), added AS (
                INSERT INTO enrollment_periods (tenant_id, id, person_id, scheme, start_date, end_date, monthly_base)
                SELECT c.tenant_id, gen_random_uuid(), c.person_id, c.scheme, c.enrolled_from, NULL, NULL
                FROM candidate c
                ON CONFLICT DO NOTHING
                RETURNING tenant_id, person_id, start_date
            ), refused AS (
                UPDATE import_rows r
                SET error_columns = r.error_columns || @column::text, error_messages = r.error_messages || @message::text
                FROM candidate c
                WHERE r.tenant_id = c.tenant_id AND r.job_id = @job AND r.row_number = c.row_number
                  AND NOT EXISTS (SELECT 1 FROM added a
                                  WHERE a.tenant_id = c.tenant_id AND a.person_id = c.person_id AND a.start_date = c.enrolled_from)
                  AND NOT EXISTS (SELECT 1 FROM enrollment_periods e
                                  WHERE e.tenant_id = c.tenant_id AND e.person_id = c.person_id
                                    AND e.start_date = c.enrolled_from AND e.scheme = c.scheme)
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM added)::int, (SELECT count(*) FROM refused)::int
            """, connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        command.CommandTimeout = (int)BulkCommandTimeout.TotalSeconds;
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("column", RegisterColumns.EnrolledFrom);
        command.Parameters.AddWithValue("message", OverlapMessage);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    /// <summary>One job's staging transaction with its COPY open.</summary>
    private sealed class Staging(LtcDbContext db, TimeProvider clock, IDbContextTransaction transaction, NpgsqlBinaryImporter copy,
        string tenant, Guid jobId) : IRegisterImportStaging
    {
        private bool _copyOpen = true;

        public async Task WriteAsync(StagedRegisterRow row, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(row);
            var values = row.Values;
            var ok = row.Problems.Count == 0;
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(tenant, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(jobId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(row.RowNumber, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, cancellationToken);
            await Text(values.IdNumber?.Value, cancellationToken);
            await Text(values.Name, cancellationToken);
            await Text(ok ? SnakeCaseNaming.ToSnakeCase(values.Sex.ToString()!) : null, cancellationToken);
            await Date(values.BirthDate, cancellationToken);
            await Text(values.Phone, cancellationToken);
            await Text(values.RegionCode, cancellationToken);
            await Text(values.MedicalInsurance is { } medical ? SnakeCaseNaming.ToSnakeCase(medical.ToString()) : null, cancellationToken);
            await Text(SnakeCaseNaming.ToSnakeCase(values.Employment.ToString()), cancellationToken);
            await copy.WriteAsync(values.Statuses.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await Date(values.EnrolledFrom, cancellationToken);
            await Text(row.Scheme, cancellationToken);
            await copy.WriteAsync(row.Problems.Select(p => p.Column).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(row.Problems.Select(p => p.Message).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        }

        public async Task CompleteAsync(int total, int valid, CancellationToken cancellationToken = default)
        {
            await copy.CompleteAsync(cancellationToken);
            await CloseCopyAsync();
            await db.Database.ExecuteSqlRawAsync("INSERT INTO import_rows SELECT * FROM import_stage", cancellationToken);
            var staged = StatusText.ConvertToProvider(ImportJobStatus.Staged);
            var now = clock.GetUtcNow();
            await db.Database.ExecuteSqlAsync($"""
                UPDATE import_jobs SET status = {staged}, total_rows = {total}, valid_rows = {valid},
                    error_rows = {total - valid}, message = NULL, updated_at = {now}
                WHERE id = {jobId}
                """, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        /// <summary>Without <see cref="CompleteAsync"/> the COPY is cancelled and the transaction rolled back.</summary>
        public async ValueTask DisposeAsync()
        {
            await CloseCopyAsync();
            await transaction.DisposeAsync();
            db.ChangeTracker.Clear();
        }

        private async ValueTask CloseCopyAsync()
        {
            if (!_copyOpen)
                return;
            _copyOpen = false;
            await copy.DisposeAsync();
        }

        private Task Text(string? value, CancellationToken cancellationToken) =>
            value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

        private Task Date(DateOnly? value, CancellationToken cancellationToken) =>
            value is { } d ? copy.WriteAsync(d, NpgsqlDbType.Date, cancellationToken) : copy.WriteNullAsync(cancellationToken);
    }
}
