using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Import;

/// <summary>
/// Register import in two steps, each one transaction, with the job row telling a page where it stands:
/// <list type="number">
/// <item>Stage: the file is read row by row, each row checked (<see cref="RegisterRowValidator"/>; with an enrollment
/// date also the tenant's eligibility rule) and staged (<see cref="IRegisterImportStore"/>: binary COPY). Progress
/// counts are committed on the side every <see cref="ProgressEvery"/> rows.</item>
/// <item>Apply: the valid staged rows go into the register set-based; the same file imported twice changes nothing the
/// second time.</item>
/// </list>
/// Shared by <see cref="StartRegisterImport.StartRegisterImportCommand"/> and <see cref="ResumeRegisterImport.ResumeRegisterImportCommand"/>.
/// </summary>
internal sealed class RegisterImportRun(ILtcDbContext db, IRegisterImportStore store, IRegisterFileReader reader, IPolicyEngine engine)
{
    public const int ProgressEvery = 10_000;

    private string Tenant => db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");

    /// <summary>Stages the file; false when the job failed (bad header, unreadable file), with the reason on the job.</summary>
    public async Task<bool> StageAsync(Guid jobId, string format, Stream file, CancellationToken cancellationToken)
    {
        var tenant = Tenant;
        // The tenant's parameters as approved now: every row of the file is judged by the same rules.
        var calculator = await engine.ForTenantAsync(tenant, null, cancellationToken);
        var regions = await db.Tenants.AsNoTracking().Where(t => t.Id == tenant).Select(t => t.RegionCodes).SingleAsync(cancellationToken);
        var validator = new RegisterRowValidator(regions.ToHashSet(StringComparer.Ordinal));
        int total = 0, valid = 0;
        try
        {
            await using var staging = await store.BeginStagingAsync(jobId, cancellationToken);
            using var rows = reader.Rows(file, format).GetEnumerator();
            if (!rows.MoveNext())
                throw new InvalidDataException("文件为空");
            RegisterCellText.Clean(rows.Current);
            var header = rows.Current.Select(h => h?.Trim().TrimStart('\uFEFF') ?? "").ToList();
            var missing = RegisterColumns.Required.Where(c => !header.Contains(c)).ToList();
            if (missing.Count > 0)
                throw new InvalidDataException($"缺少必需的列：{string.Join("、", missing)}");
            var columns = RegisterColumns.All.ToDictionary(c => c, c => header.IndexOf(c));

            var rowNumber = 1;
            while (rows.MoveNext())
            {
                rowNumber++;
                var cells = rows.Current;
                var unreadable = RegisterCellText.Clean(cells);
                var input = new RegisterRowInput(rowNumber, columns.ToDictionary(
                    c => c.Key, c => c.Value >= 0 && c.Value < cells.Length ? cells[c.Value] : null));
                var row = validator.Check(input);
                var problems = row.Problems.ToList();
                if (unreadable >= 0)
                    problems.Insert(0, new RowProblem(unreadable < header.Count && header[unreadable].Length > 0 ? header[unreadable] : $"第{unreadable + 1}列", RegisterCellText.Problem));
                var scheme = problems.Count == 0 && row.EnrolledFrom is { } from ? Scheme(calculator, row, from, problems) : null;
                await staging.WriteAsync(new StagedRegisterRow(rowNumber, row, scheme, problems), cancellationToken);
                total++;
                if (problems.Count == 0)
                    valid++;
                if (total % ProgressEvery == 0)
                    await store.ReportProgressAsync(jobId, total, valid, cancellationToken);
            }

            await staging.CompleteAsync(total, valid, cancellationToken);
            return true;
        }
        catch (InvalidDataException failure)
        {
            var reason = $"文件无法导入：{failure.Message}";
            await store.MarkFailedAsync(jobId, reason.Length > 500 ? reason[..499] + "…" : reason, cancellationToken);
            return false;
        }
    }

    public Task ApplyAsync(Guid jobId, CancellationToken cancellationToken) => store.ApplyAsync(jobId, cancellationToken);

    public async Task<ImportJobView> JobAsync(Guid jobId, CancellationToken cancellationToken) =>
        ImportJobView.Of(await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken));

    /// <summary>The scheme the tenant's eligibility rule gives the row on its enrollment date, or a problem explaining the refusal.</summary>
    private string? Scheme(PolicyCalculator calculator, RegisterRowValidator.Checked row, DateOnly from, List<RowProblem> problems)
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
}
