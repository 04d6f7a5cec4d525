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
/// nothing the second time. Both steps go in batches, each its own transaction committing the import row's counts
/// (and the apply mark) with it.
/// <para>
/// The staged ID number (text) meets the register's <c>character(18)</c> as <c>r.id_number::bpchar</c>, a relabelling
/// without a function, never as <c>::character(18)</c>: under the tenant policies a join condition may become an index
/// probe of insured_people only when every function in it is leakproof, and the length coercion of
/// <c>character(18)</c> is not. With it every statement matching a batch to the register by ID number read the whole
/// register once per row (Seq Scan of insured_people in a nested loop, 17 s a batch of 1,000 at 100,000 people);
/// valid rows hold exactly 18 characters, so both forms match the same people. ImportPlanTests explains the statements as
/// the application role.
/// </para>
/// </summary>
internal sealed class RegisterImportStore(LtcDbContext db, TimeProvider clock) : IRegisterImportStore
{
    /// <summary>Staging and applying a million rows take minutes, far beyond the default 30-second command timeout.</summary>
    public static readonly TimeSpan BulkCommandTimeout = TimeSpan.FromMinutes(30);

    /// <summary>The error an enrollment gets when the register's no-overlap constraint refuses it.</summary>
    public const string OverlapMessage = "参保期间与该人员已登记的参保期间重叠，未新增参保期间";

    private static readonly EnumText<ImportJobStatus> StatusText = new();

    private string Tenant => db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");

    public async Task ResetStagingAsync(Guid importId, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        db.Database.SetCommandTimeout(BulkCommandTimeout);
        var staging = StatusText.ConvertToProvider(ImportJobStatus.Staging);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM import_rows WHERE job_id = {importId}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE import_jobs SET status = {staging}, total_rows = 0, valid_rows = 0, error_rows = 0,
                applied_through_row = 0, message = NULL, updated_at = {now}
            WHERE id = {importId}
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<(int LastRow, int Total, int Valid)> StagedSoFarAsync(Guid importId, CancellationToken cancellationToken = default)
    {
        var rows = db.ImportRows.AsNoTracking().Where(r => r.JobId == importId);
        var last = await rows.MaxAsync(r => (int?)r.RowNumber, cancellationToken) ?? 1;
        var total = await rows.CountAsync(cancellationToken);
        var valid = await rows.CountAsync(r => r.ErrorMessages.Length == 0, cancellationToken);
        return (last, total, valid);
    }

    public async Task StageBatchAsync(Guid importId, IReadOnlyList<StagedRegisterRow> rows, int total, int valid,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        db.ChangeTracker.Clear();
        db.Database.SetCommandTimeout(BulkCommandTimeout);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE import_stage (LIKE import_rows) ON COMMIT DROP", cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync(
                         "COPY import_stage (tenant_id, job_id, row_number, person_id, id_number, name, sex, birth_date, phone, " +
                         "region_code, medical_insurance, employment, statuses, enrolled_from, scheme, error_columns, error_messages) " +
                         "FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            copy.Timeout = BulkCommandTimeout;
            var writer = new RowWriter(copy, Tenant, importId);
            foreach (var row in rows)
                await writer.WriteAsync(row, cancellationToken);
            await copy.CompleteAsync(cancellationToken);
        }

        // COPY cannot write into a table under row-level security: the rows go through the session's own table.
        await db.Database.ExecuteSqlRawAsync("INSERT INTO import_rows SELECT * FROM import_stage", cancellationToken);
        var staging = StatusText.ConvertToProvider(ImportJobStatus.Staging);
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE import_jobs SET status = {staging}, total_rows = {total}, valid_rows = {valid},
                error_rows = {total - valid}, updated_at = {now}
            WHERE id = {importId}
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task CompleteStagingAsync(Guid importId, int total, int valid, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        var staged = StatusText.ConvertToProvider(ImportJobStatus.Staged);
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE import_jobs SET status = {staged}, total_rows = {total}, valid_rows = {valid},
                error_rows = {total - valid}, applied_through_row = 0, message = NULL, updated_at = {now}
            WHERE id = {importId}
            """, cancellationToken);
        // The apply's batches are planned on import_rows' statistics: without fresh ones the planner believes this import
        // has no staged rows.
        await db.Database.RefreshStatisticsAsync(["import_rows"], cancellationToken);
    }

    public Task RefreshRegisterStatisticsAsync(CancellationToken cancellationToken = default) =>
        db.Database.RefreshStatisticsAsync(["insured_people", "enrollment_periods"], cancellationToken);

    public async Task EndAsync(Guid importId, ImportJobStatus status, string message, CancellationToken cancellationToken = default)
    {
        if (status is not (ImportJobStatus.Failed or ImportJobStatus.Cancelled))
            throw new ArgumentOutOfRangeException(nameof(status), status, "failed or cancelled");
        db.ChangeTracker.Clear();
        var ended = StatusText.ConvertToProvider(status);
        var completed = StatusText.ConvertToProvider(ImportJobStatus.Completed);
        var text = message.Length > 500 ? message[..499] + "…" : message;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Database.ExecuteSqlAsync($"""
            UPDATE import_jobs SET status = {ended}, message = {text}, total_rows = 0, valid_rows = 0, error_rows = 0,
                applied_through_row = 0, updated_at = {now}
            WHERE id = {importId} AND status <> {completed}
            """, cancellationToken);
        if (changed > 0)
            await db.Database.ExecuteSqlAsync($"DELETE FROM import_rows WHERE job_id = {importId}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task ApplyBatchAsync(Guid importId, int throughRow, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        db.Database.SetCommandTimeout(BulkCommandTimeout);
        var jobId = importId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The mark is read under the row's lock: a second worker on the same import (it should never happen) waits and
        // then applies nothing twice.
        var after = await db.Database.SqlQuery<int>(
            $"SELECT applied_through_row AS \"Value\" FROM import_jobs WHERE id = {jobId} FOR UPDATE").SingleAsync(cancellationToken);
        if (throughRow <= after)
        {
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        var applying = StatusText.ConvertToProvider(ImportJobStatus.Applying);
        if (!await AnyChangeAsync(jobId, after, throughRow, cancellationToken))
        {
            // Nothing in the batch differs from the register (the same file again): the six apply statements below
            // would each find nothing; only the mark moves.
            await db.Database.ExecuteSqlAsync($"""
                UPDATE import_jobs SET status = {applying}, applied_through_row = {throughRow}, message = NULL,
                    updated_at = {clock.GetUtcNow()}
                WHERE id = {jobId}
                """, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        await RecordChangesAsync(jobId, after, throughRow, cancellationToken);
        var people = await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO insured_people (tenant_id, id, id_number, name, sex, birth_date, phone, region_code,
                                        medical_insurance, employment, created_at)
            SELECT r.tenant_id, r.person_id, r.id_number, r.name, r.sex, r.birth_date, r.phone, r.region_code,
                   r.medical_insurance, r.employment, now()
            FROM import_rows r
            WHERE r.job_id = @job AND r.row_number > @after AND r.row_number <= @through AND cardinality(r.error_messages) = 0
              -- A row the register already holds as it is is left alone before the insert: ON CONFLICT … DO UPDATE
              -- … WHERE would still lock (and so write) the person's row, and the same file again must write nothing.
              AND NOT EXISTS (SELECT 1 FROM insured_people x
                              WHERE x.tenant_id = r.tenant_id AND x.id_number = r.id_number::bpchar
                                AND (x.name, x.sex, x.birth_date, x.phone, x.region_code, x.medical_insurance, x.employment)
                                    IS NOT DISTINCT FROM
                                    (r.name, r.sex, r.birth_date, r.phone, r.region_code, r.medical_insurance, r.employment))
            ON CONFLICT (tenant_id, id_number) DO UPDATE
                SET name = excluded.name, sex = excluded.sex, birth_date = excluded.birth_date, phone = excluded.phone,
                    region_code = excluded.region_code, medical_insurance = excluded.medical_insurance,
                    employment = excluded.employment
                WHERE (insured_people.name, insured_people.sex, insured_people.birth_date, insured_people.phone,
                       insured_people.region_code, insured_people.medical_insurance, insured_people.employment)
                      IS DISTINCT FROM
                      (excluded.name, excluded.sex, excluded.birth_date, excluded.phone, excluded.region_code,
                       excluded.medical_insurance, excluded.employment)
            """, Range(jobId, after, throughRow), cancellationToken);
        // A category is added unless the person already has it open; it runs from the enrollment date, or the import day.
        var statuses = await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO person_status_periods (tenant_id, id, person_id, status, from_date, to_date)
            SELECT r.tenant_id, gen_random_uuid(), p.id, s.status, coalesce(r.enrolled_from, current_date), NULL
            FROM import_rows r
            JOIN insured_people p ON p.tenant_id = r.tenant_id AND p.id_number = r.id_number::bpchar
            CROSS JOIN LATERAL unnest(r.statuses) AS s(status)
            WHERE r.job_id = @job AND r.row_number > @after AND r.row_number <= @through AND cardinality(r.error_messages) = 0
              AND NOT EXISTS (SELECT 1 FROM person_status_periods x
                              WHERE x.tenant_id = p.tenant_id AND x.person_id = p.id AND x.status = s.status AND x.to_date IS NULL)
            ON CONFLICT (tenant_id, person_id, status, from_date) DO NOTHING
            """, Range(jobId, after, throughRow), cancellationToken);
        var (enrollments, refused) = await EnrollAsync(jobId, after, throughRow, cancellationToken);

        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE import_jobs SET status = {applying}, applied_rows = applied_rows + {people + statuses + enrollments},
                applied_through_row = {throughRow}, valid_rows = valid_rows - {refused}, error_rows = error_rows + {refused},
                message = NULL, updated_at = {now}
            WHERE id = {jobId}
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task CompleteAsync(Guid importId, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        var completed = StatusText.ConvertToProvider(ImportJobStatus.Completed);
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync(
            $"UPDATE import_jobs SET status = {completed}, message = NULL, updated_at = {now} WHERE id = {importId}",
            cancellationToken);
    }

    public async Task MarkCategoriesListedAsync(Guid importId, bool listed, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        await db.Database.ExecuteSqlAsync($"UPDATE import_jobs SET categories_listed = {listed} WHERE id = {importId}", cancellationToken);
    }

    /// <summary>
    /// Before a batch is applied: what its rows change of people already registered goes into their history (clerk-readable
    /// values, the row number in the note, who started the import), and where the file lists categories, a category a
    /// person holds open that their row no longer lists ends the day before the import day (the file says the person no
    /// longer holds it, not since when; the day the import was started is the first day we know it).
    /// </summary>
    private async Task RecordChangesAsync(Guid jobId, int after, int through, CancellationToken cancellationToken)
    {
        var created = await db.Database.SqlQuery<DateTimeOffset>(
            $"SELECT created_at AS \"Value\" FROM import_jobs WHERE id = {jobId}").SingleAsync(cancellationToken);
        var importDay = DateOnly.FromDateTime(created.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var names = new List<(string Field, string Code, string Name)>();
        foreach (var scheme in Enum.GetValues<MedicalInsuranceScheme>())
            names.Add((PersonChangeFields.MedicalInsurance, SnakeCaseNaming.ToSnakeCase(scheme.ToString()), scheme.ChineseName()));
        foreach (var employment in Enum.GetValues<EmploymentStatus>())
            names.Add((PersonChangeFields.Employment, SnakeCaseNaming.ToSnakeCase(employment.ToString()), employment.ChineseName()));
        foreach (var status in PersonStatusCodes.All)
            names.Add((PersonChangeFields.Status, status, PersonStatusCodes.ChineseName(status)));
        // A parameter belongs to one command: each statement gets its own.
        NpgsqlParameter[] Parameters() =>
        [
            .. Range(jobId, after, through),
            new NpgsqlParameter("now", clock.GetUtcNow()),
            new NpgsqlParameter("import_day", importDay),
            new NpgsqlParameter("name_fields", names.Select(n => n.Field).ToArray()),
            new NpgsqlParameter("name_codes", names.Select(n => n.Code).ToArray()),
            new NpgsqlParameter("name_texts", names.Select(n => n.Name).ToArray()),
        ];
        await db.Database.ExecuteSqlRawAsync("""
            WITH zh AS (SELECT * FROM unnest(@name_fields::text[], @name_codes::text[], @name_texts::text[]) AS z(field, code, name)),
            changed AS (
                SELECT p.tenant_id, p.id AS person_id, r.row_number, f.field, f.before, f.after
                FROM import_rows r
                JOIN insured_people p ON p.tenant_id = r.tenant_id AND p.id_number = r.id_number::bpchar
                CROSS JOIN LATERAL (VALUES
                    ('name', p.name::text, r.name),
                    ('phone', p.phone::text, r.phone),
                    ('region_code', p.region_code::text, r.region_code),
                    ('medical_insurance', p.medical_insurance::text, r.medical_insurance),
                    ('employment', p.employment::text, r.employment)) AS f(field, before, after)
                WHERE r.job_id = @job AND r.row_number > @after AND r.row_number <= @through AND cardinality(r.error_messages) = 0
                  AND f.before IS DISTINCT FROM f.after
            )
            INSERT INTO person_changes (tenant_id, id, person_id, field, before_value, after_value, note, import_job_id, changed_by, changed_at)
            SELECT c.tenant_id, gen_random_uuid(), c.person_id, c.field,
                   coalesce((SELECT z.name FROM zh z WHERE z.field = c.field AND z.code = c.before), c.before),
                   coalesce((SELECT z.name FROM zh z WHERE z.field = c.field AND z.code = c.after), c.after),
                   '登记导入第' || c.row_number || '行', @job, coalesce(j.created_by, 'import'), @now
            FROM changed c JOIN import_jobs j ON j.tenant_id = c.tenant_id AND j.id = @job
            """, Parameters(), cancellationToken);
        // Categories: added ones (the apply below inserts them) and, where the file lists categories, ended ones.
        await db.Database.ExecuteSqlRawAsync("""
            WITH zh AS (SELECT * FROM unnest(@name_fields::text[], @name_codes::text[], @name_texts::text[]) AS z(field, code, name)),
            rows AS (
                SELECT r.tenant_id, r.row_number, r.statuses, r.enrolled_from, p.id AS person_id, j.categories_listed,
                       coalesce(j.created_by, 'import') AS changed_by
                FROM import_rows r
                JOIN import_jobs j ON j.tenant_id = r.tenant_id AND j.id = r.job_id
                JOIN insured_people p ON p.tenant_id = r.tenant_id AND p.id_number = r.id_number::bpchar
                WHERE r.job_id = @job AND r.row_number > @after AND r.row_number <= @through AND cardinality(r.error_messages) = 0
            ), ended AS (
                UPDATE person_status_periods s SET to_date = greatest(s.from_date, @import_day - 1)
                FROM rows r
                WHERE r.categories_listed AND s.tenant_id = r.tenant_id AND s.person_id = r.person_id AND s.to_date IS NULL
                  AND NOT (s.status = ANY (r.statuses))
                RETURNING s.tenant_id, s.person_id, s.status, s.from_date, s.to_date, r.row_number, r.changed_by
            ), added AS (
                SELECT r.tenant_id, r.person_id, st.status, coalesce(r.enrolled_from, current_date) AS from_date, r.row_number, r.changed_by
                FROM rows r CROSS JOIN LATERAL unnest(r.statuses) AS st(status)
                WHERE NOT EXISTS (SELECT 1 FROM person_status_periods x
                                  WHERE x.tenant_id = r.tenant_id AND x.person_id = r.person_id AND x.status = st.status AND x.to_date IS NULL)
            )
            INSERT INTO person_changes (tenant_id, id, person_id, field, before_value, after_value, note, import_job_id, changed_by, changed_at)
            SELECT e.tenant_id, gen_random_uuid(), e.person_id, 'status',
                   coalesce(z.name, e.status) || ' ' || to_char(e.from_date, 'YYYY-MM-DD') || ' 起',
                   coalesce(z.name, e.status) || ' ' || to_char(e.from_date, 'YYYY-MM-DD') || ' 起，' || to_char(e.to_date, 'YYYY-MM-DD') || ' 止',
                   '登记导入第' || e.row_number || '行：文件不再列出该人员类别，于导入日前一日结束', @job, e.changed_by, @now
            FROM ended e LEFT JOIN zh z ON z.field = 'status' AND z.code = e.status
            UNION ALL
            SELECT a.tenant_id, gen_random_uuid(), a.person_id, 'status', NULL,
                   coalesce(z.name, a.status) || ' ' || to_char(a.from_date, 'YYYY-MM-DD') || ' 起',
                   '登记导入第' || a.row_number || '行', @job, a.changed_by, @now
            FROM added a LEFT JOIN zh z ON z.field = 'status' AND z.code = a.status
            """, Parameters(), cancellationToken);
    }

    /// <summary>
    /// Whether any valid row of the batch would change the register: a person it does not hold, or holds with other
    /// values; a category the row lists that the person does not hold open, or (where the file lists categories) one
    /// held open that the row no longer lists; an enrollment whose start the person does not hold (added, or refused
    /// with the overlap error). Each test is the negation of what the apply statements below leave alone, so when none
    /// holds they would all find nothing. One probe of the (tenant_id, id_number) key per row.
    /// </summary>
    private async Task<bool> AnyChangeAsync(Guid jobId, int after, int through, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<bool>("""
            SELECT EXISTS (
                SELECT 1
                FROM import_rows r
                JOIN import_jobs j ON j.tenant_id = r.tenant_id AND j.id = r.job_id
                LEFT JOIN insured_people p ON p.tenant_id = r.tenant_id AND p.id_number = r.id_number::bpchar
                WHERE r.job_id = @job AND r.row_number > @after AND r.row_number <= @through AND cardinality(r.error_messages) = 0
                  AND (p.id IS NULL
                       OR (p.name, p.sex, p.birth_date, p.phone, p.region_code, p.medical_insurance, p.employment)
                          IS DISTINCT FROM
                          (r.name, r.sex, r.birth_date, r.phone, r.region_code, r.medical_insurance, r.employment)
                       OR EXISTS (SELECT 1 FROM unnest(r.statuses) AS st(status)
                                  WHERE NOT EXISTS (SELECT 1 FROM person_status_periods x
                                                    WHERE x.tenant_id = p.tenant_id AND x.person_id = p.id
                                                      AND x.status = st.status AND x.to_date IS NULL))
                       OR (j.categories_listed
                           AND EXISTS (SELECT 1 FROM person_status_periods s
                                       WHERE s.tenant_id = p.tenant_id AND s.person_id = p.id AND s.to_date IS NULL
                                         AND NOT (s.status = ANY (r.statuses))))
                       OR (r.enrolled_from IS NOT NULL AND r.scheme IS NOT NULL
                           AND NOT EXISTS (SELECT 1 FROM enrollment_periods e
                                           WHERE e.tenant_id = r.tenant_id AND e.person_id = p.id
                                             AND e.start_date = r.enrolled_from)))
            ) AS "Value"
            """, Range(jobId, after, through)).SingleAsync(cancellationToken);

    private static NpgsqlParameter[] Range(Guid jobId, int after, int through) =>
        [new NpgsqlParameter("job", jobId), new NpgsqlParameter("after", after), new NpgsqlParameter("through", through)];

    /// <summary>
    /// Adds the rows' enrollments, open from their enrollment date. Whether one may be added is the register's
    /// exclusion constraint's decision (a person's periods never overlap, migration EnrollmentNoOverlap), not a copy of
    /// the rule here: ON CONFLICT DO NOTHING lets it refuse row by row. A row whose enrollment the register then holds
    /// (added now, or held already: same person and start, the same file imported again, perhaps with a changed medical
    /// insurance type, whose effect on the open enrolment the import's eligibility review decides afterwards) is fine;
    /// any other row was refused and gets the error. Two plain statements, not one with data-modifying CTEs: the
    /// planner cannot estimate a CTE's RETURNING rows, and the anti-join against it took seconds a batch (10 s for
    /// 1,000 rows while the register's statistics were still those of an empty table). Answers the enrollments added
    /// and the rows refused.
    /// </summary>
    private async Task<(int Added, int Refused)> EnrollAsync(Guid jobId, int after, int through, CancellationToken cancellationToken)
    {
        var added = await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO enrollment_periods (tenant_id, id, person_id, scheme, start_date, end_date, monthly_base)
            SELECT r.tenant_id, gen_random_uuid(), p.id, r.scheme, r.enrolled_from, NULL, NULL
            FROM import_rows r
            JOIN insured_people p ON p.tenant_id = r.tenant_id AND p.id_number = r.id_number::bpchar
            WHERE r.job_id = @job AND r.row_number > @after AND r.row_number <= @through AND cardinality(r.error_messages) = 0
              AND r.enrolled_from IS NOT NULL AND r.scheme IS NOT NULL
              -- Held already (same person and start: the same file again): nothing to add, nothing to refuse.
              AND NOT EXISTS (SELECT 1 FROM enrollment_periods e
                              WHERE e.tenant_id = r.tenant_id AND e.person_id = p.id AND e.start_date = r.enrolled_from)
            ON CONFLICT DO NOTHING
            """, Range(jobId, after, through), cancellationToken);
        var refused = await db.Database.ExecuteSqlRawAsync("""
            UPDATE import_rows r
            SET error_columns = r.error_columns || @column::text, error_messages = r.error_messages || @message::text
            FROM insured_people p
            WHERE r.job_id = @job AND r.row_number > @after AND r.row_number <= @through AND cardinality(r.error_messages) = 0
              AND r.enrolled_from IS NOT NULL AND r.scheme IS NOT NULL
              AND p.tenant_id = r.tenant_id AND p.id_number = r.id_number::bpchar
              AND NOT EXISTS (SELECT 1 FROM enrollment_periods e
                              WHERE e.tenant_id = r.tenant_id AND e.person_id = p.id AND e.start_date = r.enrolled_from)
            """,
            [.. Range(jobId, after, through), new NpgsqlParameter("column", RegisterColumns.EnrolledFrom),
                new NpgsqlParameter("message", OverlapMessage)], cancellationToken);
        return (added, refused);
    }

    /// <summary>Writes staged rows into an open binary COPY of import_stage.</summary>
    private sealed class RowWriter(NpgsqlBinaryImporter copy, string tenant, Guid jobId)
    {
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

        private Task Text(string? value, CancellationToken cancellationToken) =>
            value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

        private Task Date(DateOnly? value, CancellationToken cancellationToken) =>
            value is { } d ? copy.WriteAsync(d, NpgsqlDbType.Date, cancellationToken) : copy.WriteNullAsync(cancellationToken);
    }
}
