using System.Globalization;
using System.Text.Json;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.ContributionBases.StartBaseImport;
using LtcInsurance.Application.Import;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.ContributionBases.RunBaseImport;

internal sealed class RunBaseImportHandler(ILtcDbContext db, IRegisterFileReader reader, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RunBaseImportCommand, BaseImportResult>
{
    public async Task<BaseImportResult> Handle(RunBaseImportCommand request, CancellationToken cancellationToken)
    {
        var job = await db.Set<BackgroundJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == request.JobId, cancellationToken)
                  ?? throw new JobFailedException("导入任务不存在");
        var payload = JsonSerializer.Deserialize<BaseImportPayload>(job.Payload) ?? throw new JobFailedException("作业参数缺失");
        var file = await db.Set<BackgroundJobFile>().AsNoTracking().SingleOrDefaultAsync(f => f.JobId == request.JobId, cancellationToken)
                   ?? throw new JobFailedException("导入文件已不在数据库中，请重新上传");

        var rows = new List<(int Row, string IdNumber, string? Name, BaseEntryDraft Draft)>();
        var errors = new List<ImportError>();
        var errorRows = new HashSet<int>();
        var total = 0;
        try
        {
            using var content = new MemoryStream(file.Content, writable: false);
            using var cells = reader.Rows(content, payload.Format).GetEnumerator();
            if (!cells.MoveNext())
                throw new InvalidDataException("文件为空");
            RegisterCellText.Clean(cells.Current);
            var header = cells.Current.Select(h => h?.Trim().TrimStart('\uFEFF') ?? "").ToList();
            var missing = BaseFileColumns.Required.Where(c => !header.Contains(c)).ToList();
            if (!header.Contains(BaseFileColumns.Year) && !header.Contains(BaseFileColumns.FromMonth))
                missing.Add($"{BaseFileColumns.Year}（或{BaseFileColumns.FromMonth}、{BaseFileColumns.ToMonth}）");
            if (missing.Count > 0)
                throw new InvalidDataException($"缺少必需的列：{string.Join("、", missing)}（模板列：{string.Join("、", BaseFileColumns.All)}）");
            var index = BaseFileColumns.All.ToDictionary(c => c, c => header.IndexOf(c));

            var rowNumber = 1;
            while (cells.MoveNext())
            {
                rowNumber++;
                var values = cells.Current;
                string? Cell(string column) => index[column] is var i && i >= 0 && i < values.Length && !string.IsNullOrWhiteSpace(values[i]) ? values[i]!.Trim() : null;
                if (values.All(string.IsNullOrWhiteSpace))
                    continue;
                total++;
                var problems = new List<(string Column, string Message)>();
                var unreadable = RegisterCellText.Clean(values);
                if (unreadable >= 0)
                    problems.Add((unreadable < header.Count && header[unreadable].Length > 0 ? header[unreadable] : $"第{unreadable + 1}列", RegisterCellText.Problem));
                var draft = Check(Cell, problems, out var idNumber);
                if (problems.Count > 0)
                {
                    Fail(rowNumber, problems);
                    continue;
                }

                rows.Add((rowNumber, idNumber!, Cell(BaseFileColumns.Name), draft!));
            }
        }
        catch (InvalidDataException unreadableFile)
        {
            throw new JobFailedException($"文件无法导入：{unreadableFile.Message}") { Code = "import_failed" };
        }

        // The register's people of these ID numbers.
        var people = new Dictionary<string, (Guid Id, string Name)>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => r.IdNumber).Distinct().Chunk(1_000))
        {
            var found = await db.InsuredPeople.AsNoTracking().Where(p => chunk.Contains((string)(object)p.IdNumber))
                .Select(p => new { p.Id, p.Name, p.IdNumber }).ToListAsync(cancellationToken);
            foreach (var p in found)
                people[p.IdNumber.Value] = (p.Id, p.Name);
        }

        var entries = new List<BaseEntry>();
        var seen = new Dictionary<(string, string), List<(Month From, Month To, int Row)>>();
        foreach (var (row, idNumber, name, draft) in rows)
        {
            if (!people.TryGetValue(idNumber, out var person))
            {
                Fail(row, [(BaseFileColumns.IdNumber, "参保登记中没有该身份证号码的人员，请先导入参保登记")]);
                continue;
            }

            if (name is not null && name != person.Name)
            {
                Fail(row, [(BaseFileColumns.Name, $"姓名「{name}」与参保登记中该身份证号码的姓名不一致")]);
                continue;
            }

            var key = (idNumber, draft.Kind);
            if (!seen.TryGetValue(key, out var earlier))
                seen[key] = earlier = [];
            if (earlier.FirstOrDefault(e => e.From <= draft.To && draft.From <= e.To) is { Row: > 0 } clash)
            {
                Fail(row, [(draft.PeriodColumn, string.Create(CultureInfo.InvariantCulture,
                    $"与第 {clash.Row} 行的同一人员、同一类别的期间重叠，同一文件中每人每类每月只能有一个基数"))]);
                continue;
            }

            earlier.Add((draft.From, draft.To, row));
            entries.Add(new BaseEntry(person.Id, draft.Kind, draft.From, draft.To, draft.Amount));
        }

        var (added, unchanged) = await db.InTransactionAsync(
            ct => ContributionBaseBook.AppendAsync(db, entries, ContributionBaseSources.BaseFile, request.JobId, user.Name(),
                clock.GetUtcNow(), ct),
            cancellationToken);
        return new BaseImportResult(payload.FileName, total, errorRows.Count, added, unchanged,
            [.. errors.OrderBy(e => e.Row).Take(BaseImportResult.MaxErrorsKept)]);

        void Fail(int row, IEnumerable<(string Column, string Message)> problems)
        {
            errorRows.Add(row);
            foreach (var (column, message) in problems)
                errors.Add(new ImportError(row, column, message));
        }
    }

    /// <summary>One row's base as written, or its problems.</summary>
    private static BaseEntryDraft? Check(Func<string, string?> cell, List<(string Column, string Message)> problems, out string? idNumber)
    {
        idNumber = null;
        var idText = cell(BaseFileColumns.IdNumber);
        if (idText is null)
            problems.Add((BaseFileColumns.IdNumber, "身份证号码为空"));
        else if (!IdNumber.TryParse(idText, out var id, out var idError))
            problems.Add((BaseFileColumns.IdNumber, idError ?? "身份证号码无效"));
        else
            idNumber = id.Value;

        var kindText = cell(BaseFileColumns.Kind);
        var kind = ContributionBaseKinds.Parse(kindText);
        if (kind is null)
            problems.Add((BaseFileColumns.Kind, kindText is null ? "基数类别为空（工资 或 养老金）" : $"基数类别「{kindText}」无效，应为 工资 或 养老金"));

        var (amount, amountProblem) = BaseText.Amount(cell(BaseFileColumns.Amount));
        if (amountProblem is not null)
            problems.Add((BaseFileColumns.Amount, amountProblem));

        Month? from = null, to = null;
        var periodColumn = BaseFileColumns.Year;
        var yearText = cell(BaseFileColumns.Year);
        var fromText = cell(BaseFileColumns.FromMonth);
        var toText = cell(BaseFileColumns.ToMonth);
        if (yearText is not null && (fromText is not null || toText is not null))
            problems.Add((BaseFileColumns.Year, "年度与起始月份、截止月份只能填写一种"));
        else if (yearText is not null)
        {
            var (year, yearProblem) = BaseText.Year(yearText);
            if (yearProblem is not null)
                problems.Add((BaseFileColumns.Year, yearProblem));
            else
                (from, to) = (new Month(year!.Value, 1), new Month(year.Value, 12));
        }
        else if (fromText is null || toText is null)
        {
            periodColumn = fromText is null ? BaseFileColumns.FromMonth : BaseFileColumns.ToMonth;
            problems.Add((periodColumn, "请填写年度，或同时填写起始月份和截止月份"));
        }
        else
        {
            periodColumn = BaseFileColumns.FromMonth;
            var (f, fromProblem) = BaseText.MonthOf(fromText);
            var (t, toProblem) = BaseText.MonthOf(toText);
            if (fromProblem is not null)
                problems.Add((BaseFileColumns.FromMonth, fromProblem));
            if (toProblem is not null)
                problems.Add((BaseFileColumns.ToMonth, toProblem));
            if (f is not null && t is not null && t < f)
                problems.Add((BaseFileColumns.ToMonth, "截止月份不能早于起始月份"));
            (from, to) = (f, t);
        }

        return problems.Count == 0 ? new BaseEntryDraft(kind!, from!.Value, to!.Value, amount!.Value, periodColumn) : null;
    }

    private sealed record BaseEntryDraft(string Kind, Month From, Month To, decimal Amount, string PeriodColumn);
}
