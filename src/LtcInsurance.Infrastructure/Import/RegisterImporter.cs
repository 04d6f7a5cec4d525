using LtcInsurance.Domain.Tenants;
using System.Text;
using LtcInsurance.Application.Import;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Infrastructure.Enrollment;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Persistence.Configurations;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace LtcInsurance.Infrastructure.Import;

/// <summary>
/// Register import in two steps, each one transaction, with the job row telling a page where it stands:
/// <list type="number">
/// <item>Stage: the file is read row by row, each row checked (<see cref="RegisterRowValidator"/>; with an enrollment
/// date also the tenant's eligibility rule) and written with binary COPY into a session-private table, then moved into
/// import_rows (COPY cannot write into a table under row-level security). Progress counts are committed on the side
/// every <see cref="ProgressEvery"/> rows.</item>
/// <item>Apply: the valid staged rows go into the register with INSERT ... ON CONFLICT: a person already registered
/// is updated only where a value differs, an open category or an overlapping enrollment is not added again; so the
/// same file imported twice changes nothing the second time.</item>
/// </list>
/// </summary>
public sealed class RegisterImporter(LtcDbContext db, PolicyCalculator calculator, TimeProvider clock) : IRegisterImport
{
    public const int ProgressEvery = 10_000;

    /// <summary>Staging and applying a million rows take minutes, far beyond the default 30-second command timeout.</summary>
    public static readonly TimeSpan BulkCommandTimeout = TimeSpan.FromMinutes(30);

    private static readonly EnumText<ImportJobStatus> StatusText = new();

    private string Tenant => db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");

    public async Task<ImportJobView> ImportAsync(Stream file, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        db.Database.SetCommandTimeout(BulkCommandTimeout);
        var now = clock.GetUtcNow();
        var job = new ImportJob
        {
            TenantId = Tenant, FileName = Path.GetFileName(fileName), Format = RegisterFileReader.FormatOf(fileName),
            CreatedAt = now, UpdatedAt = now,
        };
        db.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (await StageAsync(job.Id, file, cancellationToken))
            await ApplyAsync(job.Id, cancellationToken);
        return (await JobAsync(job.Id, cancellationToken))!;
    }

    public async Task<ImportJobView> ResumeAsync(Guid jobId, Func<Stream>? reopen, CancellationToken cancellationToken = default)
    {
        var job = await db.Set<ImportJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken)
            ?? throw new InvalidOperationException($"导入任务 {jobId} 不存在");
        db.Database.SetCommandTimeout(BulkCommandTimeout);
        var staged = job.Status is ImportJobStatus.Staged or ImportJobStatus.Applying
                     || (job.Status == ImportJobStatus.Failed && job.TotalRows > 0);
        if (job.Status == ImportJobStatus.Completed)
            return View(job);
        if (!staged)
        {
            if (reopen is null)
                throw new InvalidOperationException("该导入任务尚未暂存完成，需要重新提供原文件");
            await using var file = reopen();
            if (!await StageAsync(jobId, file, cancellationToken))
                return (await JobAsync(jobId, cancellationToken))!;
        }

        await ApplyAsync(jobId, cancellationToken);
        return (await JobAsync(jobId, cancellationToken))!;
    }

    public async Task<ImportJobView?> JobAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        await db.Set<ImportJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken) is { } job ? View(job) : null;

    public async Task<IReadOnlyList<ImportJobView>> RecentJobsAsync(int take, CancellationToken cancellationToken = default) =>
        [.. (await db.Set<ImportJob>().AsNoTracking().OrderByDescending(j => j.CreatedAt).Take(take).ToListAsync(cancellationToken)).Select(View)];

    public async Task<IReadOnlyList<ImportError>> ErrorsAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<ImportRow>().AsNoTracking()
            .Where(r => r.JobId == jobId && r.ErrorMessages.Length > 0)
            .OrderBy(r => r.RowNumber)
            .Select(r => new { r.RowNumber, r.ErrorColumns, r.ErrorMessages })
            .ToListAsync(cancellationToken);
        return [.. rows.SelectMany(r => r.ErrorColumns.Zip(r.ErrorMessages, (c, m) => new ImportError(r.RowNumber, c, m)))];
    }

    public async Task WriteErrorReportAsync(Guid jobId, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        writer.NewLine = "\r\n";
        await writer.WriteLineAsync("行号,列,错误信息");
        foreach (var error in await ErrorsAsync(jobId, cancellationToken))
            await writer.WriteLineAsync($"{error.Row},{Csv(error.Column)},{Csv(error.Message)}");
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Stages the file; false when the job failed (bad header, unreadable file), with the reason on the job.</summary>
    private async Task<bool> StageAsync(Guid jobId, Stream file, CancellationToken cancellationToken)
    {
        var tenant = Tenant;
        var regions = await db.Set<Tenant>().Where(t => t.Id == tenant).Select(t => t.RegionCodes).SingleAsync(cancellationToken);
        var job = await db.Set<ImportJob>().SingleAsync(j => j.Id == jobId, cancellationToken);
        var validator = new RegisterRowValidator(regions.ToHashSet(StringComparer.Ordinal));
        int total = 0, valid = 0;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await db.Database.ExecuteSqlAsync($"DELETE FROM import_rows WHERE job_id = {jobId}", cancellationToken);
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TEMP TABLE import_stage (LIKE import_rows) ON COMMIT DROP", cancellationToken);

            using var rows = RegisterFileReader.Rows(file, job.Format).GetEnumerator();
            if (!rows.MoveNext())
                throw new InvalidDataException("文件为空");
            var header = rows.Current.Select(h => h?.Trim().TrimStart('\uFEFF') ?? "").ToList();
            var missing = RegisterColumns.Required.Where(c => !header.Contains(c)).ToList();
            if (missing.Count > 0)
                throw new InvalidDataException($"缺少必需的列：{string.Join("、", missing)}");
            var columns = RegisterColumns.All.ToDictionary(c => c, c => header.IndexOf(c));

            await using (var copy = await connection.BeginBinaryImportAsync(
                             "COPY import_stage (tenant_id, job_id, row_number, person_id, id_number, name, sex, birth_date, phone, " +
                             "region_code, medical_insurance, employment, statuses, enrolled_from, scheme, error_columns, error_messages) " +
                             "FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                copy.Timeout = BulkCommandTimeout;
                var rowNumber = 1;
                while (rows.MoveNext())
                {
                    rowNumber++;
                    var cells = rows.Current;
                    var input = new RegisterRowInput(rowNumber, columns.ToDictionary(
                        c => c.Key, c => c.Value >= 0 && c.Value < cells.Length ? cells[c.Value] : null));
                    var row = validator.Check(input);
                    var problems = row.Problems.ToList();
                    var scheme = problems.Count == 0 && row.EnrolledFrom is { } from ? Scheme(row, from, problems) : null;
                    await WriteAsync(copy, tenant, jobId, rowNumber, row, scheme, problems, cancellationToken);
                    total++;
                    if (problems.Count == 0)
                        valid++;
                    if (total % ProgressEvery == 0)
                        await ProgressAsync(jobId, total, valid, cancellationToken);
                }

                await copy.CompleteAsync(cancellationToken);
            }

            await db.Database.ExecuteSqlRawAsync("INSERT INTO import_rows SELECT * FROM import_stage", cancellationToken);
            job.Status = ImportJobStatus.Staged;
            job.TotalRows = total;
            job.ValidRows = valid;
            job.ErrorRows = total - valid;
            job.Message = null;
            job.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception failure) when (failure is InvalidDataException or FileFormatException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            db.ChangeTracker.Clear();
            await MarkAsync(jobId, ImportJobStatus.Failed, $"文件无法导入：{failure.Message}", cancellationToken);
            // Progress counts were committed on the side; the staged rows were not. Zero counts say "nothing staged",
            // so a resume stages the file again instead of applying nothing.
            await db.Database.ExecuteSqlAsync(
                $"UPDATE import_jobs SET total_rows = 0, valid_rows = 0, error_rows = 0 WHERE id = {jobId}", cancellationToken);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task ApplyAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await MarkAsync(jobId, ImportJobStatus.Applying, null, cancellationToken);
        var job = new NpgsqlParameter("job", jobId);
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
            """, [job], cancellationToken);
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
        // An enrollment is added unless one already covers its start (the register keeps periods from overlapping).
        var enrollments = await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO enrollment_periods (tenant_id, id, person_id, scheme, start_date, end_date, monthly_base)
            SELECT r.tenant_id, gen_random_uuid(), p.id, r.scheme, r.enrolled_from, NULL, NULL
            FROM import_rows r
            JOIN insured_people p ON p.tenant_id = r.tenant_id AND p.id_number = r.id_number
            WHERE r.job_id = @job AND cardinality(r.error_messages) = 0 AND r.enrolled_from IS NOT NULL AND r.scheme IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM enrollment_periods e
                              WHERE e.tenant_id = p.tenant_id AND e.person_id = p.id
                                AND (e.end_date IS NULL OR e.end_date >= r.enrolled_from))
            ON CONFLICT (tenant_id, person_id, start_date) DO NOTHING
            """, [new NpgsqlParameter("job", jobId)], cancellationToken);
        var done = clock.GetUtcNow();
        var completed = StatusText.ConvertToProvider(ImportJobStatus.Completed);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE import_jobs SET status = {completed}, applied_rows = {people + statuses + enrollments}, message = NULL, updated_at = {done} WHERE id = {jobId}",
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The scheme the tenant's eligibility rule gives the row on its enrollment date, or a problem explaining the refusal.</summary>
    private string? Scheme(RegisterRowValidator.Checked row, DateOnly from, List<RowProblem> problems)
    {
        var person = new Person(row.BirthDate!.Value, row.RegionCode!, row.MedicalInsurance!.Value, row.Employment, row.Statuses);
        try
        {
            var evaluation = calculator.Evaluate(new PolicyCase(CaseKinds.Eligibility, Tenant, from,
                new EligibilityInput(person, null), new Dictionary<string, object?>()));
            var result = (EligibilityResult)evaluation.Result;
            if (result.Eligible)
                return result.Scheme;
            var clause = evaluation.Trace.LastOrDefault()?.Clause ?? "";
            problems.Add(new RowProblem(RegisterColumns.EnrolledFrom, $"不符合参保条件：{RefusalReasons.Chinese(result.Reason)}（依据 {clause}）"));
        }
        catch (PolicyException ex)
        {
            problems.Add(new RowProblem(RegisterColumns.EnrolledFrom, ex.Message));
        }

        return null;
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, string tenant, Guid jobId, int rowNumber,
        RegisterRowValidator.Checked row, string? scheme, List<RowProblem> problems, CancellationToken cancellationToken)
    {
        var ok = problems.Count == 0;
        await copy.StartRowAsync(cancellationToken);
        await copy.WriteAsync(tenant, NpgsqlDbType.Varchar, cancellationToken);
        await copy.WriteAsync(jobId, NpgsqlDbType.Uuid, cancellationToken);
        await copy.WriteAsync(rowNumber, NpgsqlDbType.Integer, cancellationToken);
        await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, cancellationToken);
        await Text(copy, row.IdNumber?.Value, cancellationToken);
        await Text(copy, row.Name, cancellationToken);
        await Text(copy, ok ? SnakeCaseNaming.ToSnakeCase(row.Sex.ToString()!) : null, cancellationToken);
        await Date(copy, row.BirthDate, cancellationToken);
        await Text(copy, row.Phone, cancellationToken);
        await Text(copy, row.RegionCode, cancellationToken);
        await Text(copy, row.MedicalInsurance is { } medical ? SnakeCaseNaming.ToSnakeCase(medical.ToString()) : null, cancellationToken);
        await Text(copy, SnakeCaseNaming.ToSnakeCase(row.Employment.ToString()), cancellationToken);
        await copy.WriteAsync(row.Statuses.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        await Date(copy, row.EnrolledFrom, cancellationToken);
        await Text(copy, scheme, cancellationToken);
        await copy.WriteAsync(problems.Select(p => p.Column).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(problems.Select(p => p.Message).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
    }

    private static Task Text(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static Task Date(NpgsqlBinaryImporter copy, DateOnly? value, CancellationToken cancellationToken) =>
        value is { } d ? copy.WriteAsync(d, NpgsqlDbType.Date, cancellationToken) : copy.WriteNullAsync(cancellationToken);

    /// <summary>Commits progress counts on a connection of its own, so a page sees them while staging runs.</summary>
    private async Task ProgressAsync(Guid jobId, int total, int valid, CancellationToken cancellationToken)
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

    private async Task MarkAsync(Guid jobId, ImportJobStatus status, string? message, CancellationToken cancellationToken)
    {
        var text = StatusText.ConvertToProvider(status);
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync(
            $"UPDATE import_jobs SET status = {text}, message = {message}, updated_at = {now} WHERE id = {jobId}", cancellationToken);
    }

    private static ImportJobView View(ImportJob job) => new(
        job.Id, job.FileName, job.Format, (string)StatusText.ConvertToProvider(job.Status)!, job.TotalRows, job.ValidRows,
        job.ErrorRows, job.AppliedRows, job.Message, job.CreatedAt, job.UpdatedAt);

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
