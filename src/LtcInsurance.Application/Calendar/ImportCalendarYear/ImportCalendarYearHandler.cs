using System.Globalization;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Calendar.ImportCalendarYear;

internal sealed class ImportCalendarYearHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ImportCalendarYearCommand, ImportCalendarYearResult>
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy/MM/dd", "yyyyMMdd"];

    public async Task<ImportCalendarYearResult> Handle(ImportCalendarYearCommand request, CancellationToken cancellationToken)
    {
        var tenant = db.CurrentTenantId ?? throw new ForbiddenAccessException("没有当前城市，无法维护工作日历");
        var year = request.Year!.Value;
        var listed = Parse(request.Csv!, year);
        var by = user.Name();
        var at = clock.GetUtcNow();

        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var days = db.Set<CalendarDay>();
        var changes = db.Set<CalendarChange>();
        var existing = await days.Where(d => d.Day >= first && d.Day <= last).ToDictionaryAsync(d => d.Day, cancellationToken);
        var removed = 0;
        foreach (var (day, row) in existing)
        {
            if (listed.ContainsKey(day))
                continue;
            days.Remove(row);
            changes.Add(CalendarChange.Of(tenant, day, CalendarChange.Remove, null, row.Name, by, at));
            removed++;
        }
        foreach (var (day, (kind, name)) in listed)
        {
            if (existing.TryGetValue(day, out var row))
                row.Change(kind, name, by, at);
            else
                days.Add(CalendarDay.Create(tenant, day, kind, name, by, at));
            changes.Add(CalendarChange.Of(tenant, day, CalendarChange.Import, kind, name, by, at));
        }
        await db.SaveChangesAsync(cancellationToken);
        return new ImportCalendarYearResult(year, listed.Values.Count(v => v.Kind == CalendarDay.Holiday),
            listed.Values.Count(v => v.Kind == CalendarDay.Workday), removed);
    }

    /// <summary>The listed days, or every problem with its line number (nothing is written then).</summary>
    private static SortedDictionary<DateOnly, (string Kind, string Name)> Parse(string csv, int year)
    {
        var listed = new SortedDictionary<DateOnly, (string Kind, string Name)>();
        var problems = new List<ValidationProblem>();
        var lines = csv.TrimStart('\uFEFF').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var cells = line.Split(',', '，').Select(c => c.Trim().Trim('"').Trim()).ToArray();
            var number = i + 1;
            if (!DateOnly.TryParseExact(cells[0], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                var header = listed.Count == 0 && problems.Count == 0
                             && (cells[0].Contains("日期", StringComparison.Ordinal) || cells[0].Equals("date", StringComparison.OrdinalIgnoreCase));
                if (!header)
                    problems.Add(Problem(number, $"日期「{cells[0]}」无法识别，应写作 {year}-10-01"));
                continue;
            }
            if (cells.Length < 3)
            {
                problems.Add(Problem(number, "应有三列：日期,类型,名称"));
                continue;
            }
            var kind = CalendarRules.ParseKind(cells[1]);
            var name = cells[2];
            if (day.Year != year)
                problems.Add(Problem(number, $"日期 {day:yyyy-MM-dd} 不在 {year} 年内"));
            else if (kind is null)
                problems.Add(Problem(number, $"类型「{cells[1]}」无法识别，应为 放假 或 上班（调休）"));
            else if (name.Length == 0)
                problems.Add(Problem(number, "请填写名称，如 国庆节"));
            else if (name.Length > CalendarDay.NameMaxLength)
                problems.Add(Problem(number, $"名称过长（最多 {CalendarDay.NameMaxLength} 个字符）"));
            else if (CalendarRules.Refusal(day, kind) is { } refusal)
                problems.Add(Problem(number, refusal));
            else if (!listed.TryAdd(day, (kind, name)))
                problems.Add(Problem(number, $"日期 {day:yyyy-MM-dd} 重复出现"));
        }
        if (problems.Count == 0 && listed.Count == 0)
            problems.Add(new ValidationProblem(nameof(ImportCalendarYearCommand.Csv), "清单中没有任何日期"));
        if (problems.Count > 0)
            throw new RequestValidationException(problems);
        return listed;
    }

    private static ValidationProblem Problem(int line, string message) =>
        new(nameof(ImportCalendarYearCommand.Csv), $"第 {line} 行：{message}");
}
