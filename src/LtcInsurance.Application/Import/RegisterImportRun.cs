using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.ContributionBases;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Application.People.Changes;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Import;

/// <summary>
/// Register import in two steps, each in batches of one transaction, with the import row telling a page where it stands
/// (the background job's <see cref="JobProgress"/> too):
/// <list type="number">
/// <item>Stage: the file is read row by row, each row checked (<see cref="RegisterRowValidator"/> with the tenant's
/// date window; with an enrollment date also the tenant's eligibility rule) and staged (<see cref="IRegisterImportStore"/>:
/// binary COPY), <see cref="BatchSize"/> rows a transaction. A job taken over after its worker died reads the file
/// again and stages only the rows after the last committed batch.</item>
/// <item>Apply: the valid staged rows go into the register set-based, <see cref="BatchSize"/> rows a transaction, each
/// moving the import's apply mark; the same file imported twice changes nothing the second time.</item>
/// </list>
/// Run by <see cref="RunRegisterImport.RunRegisterImportCommand"/> (the job <see cref="RegisterImportJob"/> sends it).
/// </summary>
internal sealed class RegisterImportRun(ILtcDbContext db, IRegisterImportStore store, IRegisterFileReader reader, IPolicyEngine engine,
    TimeProvider clock)
{
    public const int BatchSize = 1_000;

    private string Tenant => db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");

    /// <summary>
    /// Stages the file, continuing after the rows committed already when <paramref name="resume"/>; false when the
    /// import failed (bad header, unreadable file), with the reason on the import row.
    /// </summary>
    public async Task<bool> StageAsync(Guid jobId, string format, Stream file, bool resume, CancellationToken cancellationToken)
    {
        var tenant = Tenant;
        // The tenant's parameters as approved now: every row of the file is judged by the same rules.
        var calculator = await engine.ForTenantAsync(tenant, null, cancellationToken);
        var city = await db.Tenants.AsNoTracking().Where(t => t.Id == tenant)
            .Select(t => new { t.RegionCodes, t.SchemeStart }).SingleAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var validator = new RegisterRowValidator(city.RegionCodes.ToHashSet(StringComparer.Ordinal),
            new RegisterDateWindow(today, city.SchemeStart));
        var eligibility = new EligibilityOnce(calculator, tenant);
        int lastStaged = 1, total = 0, valid = 0;
        if (resume)
            (lastStaged, total, valid) = await store.StagedSoFarAsync(jobId, cancellationToken);
        else
            await store.ResetStagingAsync(jobId, cancellationToken);
        var length = file.CanSeek ? file.Length : 0;
        try
        {
            using var rows = reader.Rows(file, format).GetEnumerator();
            if (!rows.MoveNext())
                throw new InvalidDataException("文件为空");
            RegisterCellText.Clean(rows.Current);
            var header = rows.Current.Select(h => h?.Trim().TrimStart('\uFEFF') ?? "").ToList();
            var missing = RegisterColumns.Required.Where(c => !header.Contains(c)).ToList();
            if (missing.Count > 0)
                throw new InvalidDataException($"缺少必需的列：{string.Join("、", missing)}");
            var columnList = RegisterColumns.All.Select(c => (Column: c, Index: header.IndexOf(c))).ToArray();
            await store.MarkCategoriesListedAsync(jobId, header.Contains(RegisterColumns.Statuses), cancellationToken);
            var baseColumns = BaseColumns(header);

            var batch = new List<StagedRegisterRow>(BatchSize);
            var rowNumber = 1;
            while (rows.MoveNext())
            {
                rowNumber++;
                var cells = rows.Current;
                var unreadable = RegisterCellText.Clean(cells);
                var values = new Dictionary<string, string?>(columnList.Length, StringComparer.Ordinal);
                foreach (var (column, index) in columnList)
                    values[column] = index >= 0 && index < cells.Length ? cells[index] : null;
                var input = new RegisterRowInput(rowNumber, values);
                // Rows committed before are checked again only for what later rows are compared with (repeated ID numbers).
                var row = validator.Check(input);
                if (rowNumber <= lastStaged)
                    continue;
                var problems = row.Problems.ToList();
                if (unreadable >= 0)
                    problems.Insert(0, new RowProblem(unreadable < header.Count && header[unreadable].Length > 0 ? header[unreadable] : $"第{unreadable + 1}列", RegisterCellText.Problem));
                CheckBaseCells(baseColumns, cells, problems);
                var scheme = problems.Count == 0 && row.EnrolledFrom is { } from ? eligibility.Scheme(row, from, problems) : null;
                batch.Add(new StagedRegisterRow(rowNumber, row, scheme, problems));
                total++;
                if (problems.Count == 0)
                    valid++;
                if (batch.Count == BatchSize)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await store.StageBatchAsync(jobId, batch, total, valid, cancellationToken);
                    batch.Clear();
                    var estimate = length > 0 && file.Position > 0 ? (int)Math.Min(int.MaxValue / 2, (long)total * length / file.Position) : total;
                    JobProgress.Report(total, 2 * Math.Max(estimate, total));
                }
            }

            if (batch.Count > 0)
                await store.StageBatchAsync(jobId, batch, total, valid, cancellationToken);
            await store.CompleteStagingAsync(jobId, total, valid, cancellationToken);
            JobProgress.Report(total, 2 * total);
            return true;
        }
        catch (InvalidDataException failure)
        {
            await store.EndAsync(jobId, ImportJobStatus.Failed, $"文件无法导入：{failure.Message}", cancellationToken);
            return false;
        }
    }

    /// <summary>Applies the staged rows after the import's apply mark, batch by batch, then marks it completed.</summary>
    public async Task ApplyAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken);
        var total = job.TotalRows;
        var lastRow = await db.ImportRows.AsNoTracking().Where(r => r.JobId == jobId)
            .MaxAsync(r => (int?)r.RowNumber, cancellationToken) ?? 1;
        for (var through = job.AppliedThroughRow + BatchSize; ; through += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var upTo = Math.Min(through, lastRow);
            await store.ApplyBatchAsync(jobId, upTo, cancellationToken);
            JobProgress.Report(total + Math.Max(0, Math.Min(total, upTo - 1)), 2 * total);
            if (upTo >= lastRow)
                break;
            // A large file into a small register (a city's first import): plans made on "a few people" would stay for every
            // batch, each slower than the last, until autovacuum comes by; statistics once after the first batch.
            if (through == job.AppliedThroughRow + BatchSize && lastRow - upTo > 10 * BatchSize)
                await store.RefreshRegisterStatisticsAsync(cancellationToken);
        }

        await ReviewChangedPeopleAsync(jobId, cancellationToken);
        await ApplyBasesAsync(jobId, cancellationToken);
        await store.CompleteAsync(jobId, cancellationToken);
    }

    /// <summary>Where the optional base columns (<see cref="RegisterBaseColumns"/>) are in the header (-1: absent).</summary>
    private static Dictionary<string, int> BaseColumns(List<string> header) =>
        RegisterBaseColumns.All.ToDictionary(c => c, c => header.IndexOf(c));

    /// <summary>A base cell that is filled must be a valid amount (or year); otherwise its row is refused, naming the column.</summary>
    private static void CheckBaseCells(Dictionary<string, int> columns, string?[] cells, List<RowProblem> problems)
    {
        string? Cell(string column) =>
            columns[column] is var i && i >= 0 && i < cells.Length && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i] : null;
        foreach (var column in new[] { RegisterBaseColumns.Wage, RegisterBaseColumns.Pension })
        {
            if (Cell(column) is { } text && ContributionBases.BaseText.Amount(text).Problem is { } problem)
                problems.Add(new RowProblem(column, problem));
        }

        if (Cell(RegisterBaseColumns.Year) is { } year && ContributionBases.BaseText.Year(year).Problem is { } yearProblem)
            problems.Add(new RowProblem(RegisterBaseColumns.Year, yearProblem));
    }

    /// <summary>
    /// Records the bases of the file's valid rows (source register_import) once the register rows are applied: each base
    /// for the year in 基数年度, else the year of the row's 参保日期, else the import's year. Idempotent (a base already
    /// recorded is not recorded again), so a job continued after its worker died, or the same file again, adds nothing
    /// twice. Reads the file stored with the job again (nothing to do when it has no base column).
    /// </summary>
    private async Task ApplyBasesAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken);
        var file = await db.Set<Domain.Jobs.BackgroundJobFile>().AsNoTracking().SingleOrDefaultAsync(f => f.JobId == jobId, cancellationToken);
        if (file is null)
            return;
        using var content = new MemoryStream(file.Content, writable: false);
        using var rows = reader.Rows(content, job.Format).GetEnumerator();
        if (!rows.MoveNext())
            return;
        var header = rows.Current.Select(h => h?.Trim().TrimStart('\uFEFF') ?? "").ToList();
        var columns = BaseColumns(header);
        if (columns[RegisterBaseColumns.Wage] < 0 && columns[RegisterBaseColumns.Pension] < 0)
            return;

        var valid = (await db.ImportRows.AsNoTracking().Where(r => r.JobId == jobId && r.ErrorMessages.Length == 0 && r.IdNumber != null)
                .Select(r => new { r.RowNumber, r.IdNumber, r.EnrolledFrom }).ToListAsync(cancellationToken))
            .ToDictionary(r => r.RowNumber);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var wanted = new List<(string IdNumber, string Kind, int Year, decimal Amount)>();
        var rowNumber = 1;
        while (rows.MoveNext())
        {
            rowNumber++;
            if (!valid.TryGetValue(rowNumber, out var row))
                continue;
            var cells = rows.Current;
            string? Cell(string column) =>
                columns[column] is var i && i >= 0 && i < cells.Length && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i] : null;
            var year = ContributionBases.BaseText.Year(Cell(RegisterBaseColumns.Year)).Year ?? row.EnrolledFrom?.Year ?? today.Year;
            foreach (var (column, kind) in new[] { (RegisterBaseColumns.Wage, ContributionBaseKinds.Wage), (RegisterBaseColumns.Pension, ContributionBaseKinds.Pension) })
            {
                if (ContributionBases.BaseText.Amount(Cell(column)).Amount is { } amount)
                    wanted.Add((row.IdNumber!, kind, year, amount));
            }
        }

        if (wanted.Count == 0)
            return;
        var people = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Select(w => w.IdNumber).Distinct().Chunk(1_000))
        {
            foreach (var p in await db.InsuredPeople.AsNoTracking().Where(p => chunk.Contains((string)(object)p.IdNumber))
                         .Select(p => new { p.Id, p.IdNumber }).ToListAsync(cancellationToken))
                people[p.IdNumber.Value] = p.Id;
        }

        var entries = wanted.Where(w => people.ContainsKey(w.IdNumber))
            .Select(w => new ContributionBases.BaseEntry(people[w.IdNumber], w.Kind, new Month(w.Year, 1), new Month(w.Year, 12), w.Amount))
            .ToList();
        await db.InTransactionAsync(
            ct => ContributionBases.ContributionBaseBook.AppendAsync(db, entries, ContributionBaseSources.RegisterImport, jobId,
                job.CreatedBy ?? "register_import", clock.GetUtcNow(), ct),
            cancellationToken);
    }

    /// <summary>
    /// After the last batch: for every person whose region, medical insurance type, working status or categories this file
    /// changed (their history says so), the city's eligibility rule decides the open enrolment again on the import day (the
    /// day the import was started, Beijing time: the file says what is true now, not since when). The same scheme leaves it;
    /// another closes it the day before and opens the new one from the import day; a refusal closes it, with reason and
    /// clause in the history and the import's change report. Run again after a worker died it changes nothing twice (a
    /// person already reviewed has the scheme the rule decides, or no open enrolment).
    /// </summary>
    private async Task ReviewChangedPeopleAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken);
        var importDay = DateOnly.FromDateTime(job.CreatedAt.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var fields = PersonChangeFields.Eligibility.ToArray();
        var people = await db.PersonChanges.AsNoTracking()
            .Where(c => c.ImportJobId == jobId && fields.Contains(c.Field))
            .Select(c => c.PersonId).Distinct().ToListAsync(cancellationToken);
        if (people.Count == 0)
            return;
        var calculator = await engine.ForTenantAsync(Tenant, null, cancellationToken);
        var log = new PersonChangeLog(db, job.CreatedBy ?? "import", clock.GetUtcNow(), jobId);
        foreach (var batch in people.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // One read per kind for the whole batch (not one per person): people, their enrolments (tracked: the review
            // may end one), categories, deaths, and for minors their guardians' enrolments on the import day.
            var ids = batch.ToList();
            var persons = await db.InsuredPeople.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
            var periods = (await db.EnrollmentPeriods.Where(e => ids.Contains(e.PersonId)).ToListAsync(cancellationToken))
                .ToLookup(e => e.PersonId);
            var statuses = (await db.PersonStatuses.AsNoTracking().Where(s => ids.Contains(s.PersonId)).ToListAsync(cancellationToken))
                .ToLookup(s => s.PersonId);
            var deaths = (await db.DeathRecords.AsNoTracking().Where(d => ids.Contains(d.PersonId)).ToListAsync(cancellationToken))
                .ToDictionary(d => d.PersonId);
            var guardians = await db.GuardianLinks.AsNoTracking().Where(g => ids.Contains(g.MinorId))
                .ToDictionaryAsync(g => g.MinorId, g => g.GuardianId, cancellationToken);
            var guardianIds = guardians.Values.Distinct().ToList();
            var guardianPeriods = (guardianIds.Count == 0
                    ? []
                    : await db.EnrollmentPeriods.AsNoTracking().Where(e => guardianIds.Contains(e.PersonId)).ToListAsync(cancellationToken))
                .ToLookup(e => e.PersonId);
            foreach (var person in persons)
            {
                var own = periods[person.Id].ToList();
                var open = own.SingleOrDefault(e => e.IsOpen);
                var day = open is null || importDay > open.StartDate ? importDay : open.StartDate;
                bool? guardianInsured = person.IsAdultOn(day)
                    ? null
                    : guardians.TryGetValue(person.Id, out var guardian)
                      && guardianPeriods[guardian].Any(e => e.StartDate <= day && (e.EndDate == null || e.EndDate >= day));
                var review = EnrolmentReview.Review(db, calculator, person, importDay, log,
                    new EnrolmentReview.ReviewFacts(own, statuses[person.Id], guardianInsured, deaths.GetValueOrDefault(person.Id)));
                if (review.Outcome == "blocked")
                    log.Add(person, PersonChangeFields.Enrollment, null, null, review.Message);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    public async Task<ImportJobView> JobAsync(Guid jobId, CancellationToken cancellationToken) =>
        ImportJobView.Of(await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken));

    /// <summary>
    /// The tenant's eligibility rule for the rows of one file, evaluated once per distinct combination of what the rule
    /// reads (enrollment date, age on it, region, medical insurance type, working status, categories) rather than once
    /// per row: a million-row file has a few thousand combinations, and each evaluation builds its parameter context and
    /// trace. The rule sees a person's birth date only through <see cref="Person.AgeOn"/> on the enrollment date (the
    /// schemes under Domain/Policies); a rule reading the birth date otherwise would need it in the key.
    /// </summary>
    private sealed class EligibilityOnce(PolicyCalculator calculator, string tenant)
    {
        private readonly Dictionary<(DateOnly From, int Age, string Region, MedicalInsuranceScheme Medical, EmploymentStatus Employment, string Statuses),
            (string? Scheme, string? Problem)> _decided = [];

        /// <summary>The scheme the rule gives the row on its enrollment date, or a problem explaining the refusal.</summary>
        public string? Scheme(RegisterRowValidator.Checked row, DateOnly from, List<RowProblem> problems)
        {
            var person = new Person(row.BirthDate!.Value, row.RegionCode!, row.MedicalInsurance!.Value, row.Employment, row.Statuses);
            var key = (from, person.AgeOn(from), person.RegionCode, person.MedicalInsurance, person.Employment,
                string.Join(',', person.Statuses.Order(StringComparer.Ordinal)));
            if (!_decided.TryGetValue(key, out var decided))
                _decided[key] = decided = Evaluate(person, from);
            if (decided.Problem is { } problem)
                problems.Add(new RowProblem(RegisterColumns.EnrolledFrom, problem));
            return decided.Scheme;
        }

        private (string? Scheme, string? Problem) Evaluate(Person person, DateOnly from)
        {
            try
            {
                var evaluation = calculator.Evaluate(new PolicyCase(CaseKinds.Eligibility, tenant, from,
                    new EligibilityInput(person, null), new Dictionary<string, object?>()));
                var result = (EligibilityResult)evaluation.Result;
                if (result.Eligible)
                    return (result.Scheme, null);
                var clause = evaluation.Trace.LastOrDefault()?.Clause ?? "";
                return (null, $"不符合参保条件：{RefusalReasons.Chinese(result.Reason)}（依据 {clause}）");
            }
            catch (PolicyException ex)
            {
                return (null, ex.Message);
            }
        }
    }
}
