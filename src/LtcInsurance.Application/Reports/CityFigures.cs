using System.Globalization;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Reports;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Reports;

/// <summary>The figures of a city's dashboard (看板), each one table.</summary>
public enum CityFigure
{
    /// <summary>参保人数及增长: enrolments per month of the year.</summary>
    Insured,

    /// <summary>评估申请及结论等级: the year's applications by outcome and level.</summary>
    Applications,

    /// <summary>享受待遇人员（等级×服务方式）: entitlements in force at the end of the year (or today).</summary>
    Beneficiaries,

    /// <summary>基金收支、结余及可支付月数: the ledger per month.</summary>
    Fund,

    /// <summary>经办费用与上限: the year's agency fees against the city's ceiling.</summary>
    AgencyFees,

    /// <summary>支出最多的定点机构: the year's final claims per provider, top ten.</summary>
    TopProviders,

    /// <summary>待办时限: open applications by the deadline of their next step.</summary>
    Deadlines,
}

/// <summary>
/// The dashboard's reads: one set-based query (GROUP BY in the database, a few dozen rows back) per figure, never the
/// register's or the journal's rows themselves. The query filters and row-level security keep each to the current tenant.
/// </summary>
internal static class CityFigures
{
    public const int TopProviderCount = 10;

    public static async Task<ReportTable> InsuredAsync(ILtcDbContext db, int year, CancellationToken cancellationToken)
    {
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        // One GROUP BY over the enrolment periods touching the year: the month each started (0 = before the year) and
        // the month each ended (13 = after the year or still open).
        var groups = await db.EnrollmentPeriods.AsNoTracking()
            .Where(e => e.StartDate <= yearEnd && (e.EndDate == null || e.EndDate >= yearStart))
            .GroupBy(e => new
            {
                Started = e.StartDate < yearStart ? 0 : e.StartDate.Month,
                Ended = e.EndDate == null || e.EndDate > yearEnd ? 13 : e.EndDate.Value.Month,
            })
            .Select(g => new { g.Key.Started, g.Key.Ended, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var rows = new List<object[]>();
        var insured = groups.Where(g => g.Started == 0).Sum(g => g.Count);
        for (var month = 1; month <= 12; month++)
        {
            var before = insured;
            var joined = groups.Where(g => g.Started == month).Sum(g => g.Count);
            var left = groups.Where(g => g.Ended == month).Sum(g => g.Count);
            insured += joined - left;
            rows.Add([new Month(year, month).ToString(), joined, left, insured, Growth(before, insured)]);
        }

        return new ReportTable($"{year}年参保人数及增长", ["月份/month", "新增参保/joined", "终止参保/left", "月末在保/insured", "环比增长%/growth %"], rows,
            ["按参保登记的参保期间计数（一人多段计多次）；当月内终止（含最后一日）的计入当月终止，不计入月末在保。"], [3]);
    }

    public static async Task<ReportTable> ApplicationsAsync(ILtcDbContext db, int year, CancellationToken cancellationToken)
    {
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        var groups = await db.Set<AssessmentApplication>().AsNoTracking()
            .Where(a => a.AppliedOn >= yearStart && a.AppliedOn <= yearEnd)
            .GroupBy(a => new { a.Status, a.ConclusionLevel, a.ConclusionLevelLabel })
            .Select(g => new { g.Key.Status, g.Key.ConclusionLevel, g.Key.ConclusionLevelLabel, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var rows = new List<object[]>();
        foreach (var level in groups.Where(g => g.ConclusionLevelLabel != null)
                     .GroupBy(g => (g.ConclusionLevel, Label: g.ConclusionLevelLabel!)).OrderBy(g => g.Key.ConclusionLevel ?? int.MaxValue).ThenBy(g => g.Key.Label, StringComparer.Ordinal))
            rows.Add([$"结论：{level.Key.Label}", level.Sum(g => g.Count)]);
        var open = groups.Where(g => g.ConclusionLevelLabel == null && ApplicationStatuses.Open.Contains(g.Status)).Sum(g => g.Count);
        var refused = groups.Where(g => g.ConclusionLevelLabel == null && g.Status == ApplicationStatuses.Refused).Sum(g => g.Count);
        var withdrawn = groups.Where(g => g.ConclusionLevelLabel == null && g.Status == ApplicationStatuses.Withdrawn).Sum(g => g.Count);
        var other = groups.Sum(g => g.Count) - rows.Sum(r => (int)r[1]) - open - refused - withdrawn;
        rows.Add(["办理中", open]);
        rows.Add(["不予受理", refused]);
        rows.Add(["撤回", withdrawn]);
        if (other != 0)
            rows.Add(["其他", other]);
        rows.Add(["申请合计", groups.Sum(g => g.Count)]);
        return new ReportTable($"{year}年评估申请及结论等级", ["结论或状态/outcome", "件数/applications"], rows,
            ["按申请日期在本年度的评估申请（初评与复评）计数；有结论的按结论等级分列。"], [1]);
    }

    public static async Task<ReportTable> BeneficiariesAsync(ILtcDbContext db, DateOnly on, CancellationToken cancellationToken)
    {
        var groups = await db.Set<BenefitEntitlement>().AsNoTracking()
            .Where(e => e.From <= on && (e.To == null || e.To >= on))
            .GroupBy(e => new { e.Level, e.LevelLabel, e.ServiceMode })
            .Select(g => new { g.Key.Level, g.Key.LevelLabel, g.Key.ServiceMode, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var modes = groups.Select(g => g.ServiceMode).Distinct().OrderBy(ModeOrder).ToList();
        var rows = new List<object[]>();
        foreach (var level in groups.GroupBy(g => (g.Level, g.LevelLabel)).OrderBy(g => g.Key.Level ?? int.MaxValue).ThenBy(g => g.Key.LevelLabel, StringComparer.Ordinal))
        {
            var row = new List<object> { level.Key.LevelLabel };
            row.AddRange(modes.Select(m => (object)level.Where(g => g.ServiceMode == m).Sum(g => g.Count)));
            row.Add(level.Sum(g => g.Count));
            rows.Add([.. row]);
        }

        var total = new List<object> { "合计" };
        total.AddRange(modes.Select(m => (object)groups.Where(g => g.ServiceMode == m).Sum(g => g.Count)));
        total.Add(groups.Sum(g => g.Count));
        rows.Add([.. total]);
        return new ReportTable($"享受待遇人员（{on:yyyy-MM-dd}）", ["失能等级/level", .. modes.Select(ModeName), "合计/total"], rows,
            ["按待遇资格计数：当日在待遇期内（含等待期）的资格；一人同日只有一项资格。"], [.. Enumerable.Range(1, modes.Count)]);
    }

    public static async Task<ReportTable> FundAsync(ILtcDbContext db, int year, CancellationToken cancellationToken)
    {
        var accounts = await db.AccountsAsync(cancellationToken);
        var lines = await db.SummedLinesAsync(new LedgerPeriod(year, 12), cancellationToken);
        var months = FundMonths.Compute(accounts, lines);
        var rows = new List<object[]>();
        for (var m = 1; m <= 12; m++)
        {
            var period = new LedgerPeriod(year, m);
            var month = months.GetValueOrDefault(period);
            var balance = FundMonths.BalanceThrough(months, period);
            var reserve = FundMonths.MonthsOfReserve(months, period);
            rows.Add([period.ToString(), month.Income, month.Expense, month.Income - month.Expense, balance, reserve is { } r ? (object)r : "—"]);
        }

        return new ReportTable($"{year}年基金收支及结余", ["月份/month", "收入/income", "支出/expenditure", "当月结余/surplus", "累计结余/balance", "可支付月数/months of reserve"], rows,
            ["账簿汇总（不含年终结转分录）：收入为收入类科目贷方净额，支出为支出类科目借方净额；累计结余为建账以来收入减支出。",
             "可支付月数 = 累计结余 ÷ 截至当月最近 12 个月的月均支出（无支出时不计）。"], [1, 2, 4]);
    }

    public static async Task<ReportTable> AgencyFeesAsync(ILtcDbContext db, IPolicyEngine engine, int year, CancellationToken cancellationToken)
    {
        const string title = "经办费用与上限";
        AgencyFeeCeilingRule? rule = null;
        if (db.CurrentTenantId is { } tenant)
        {
            try
            {
                var policies = await engine.ForTenantAsync(tenant, null, cancellationToken);
                rule = AgencyFeeCeilingParameters.Resolve(policies.ListParameters(tenant), new DateOnly(year, 12, 31));
            }
            catch (PolicyException unknown) when (unknown.Code == ErrorCodes.UnknownTenant)
            {
                rule = null;
            }
        }

        if (rule is null)
            return new ReportTable($"{year}年{title}", ["项目/item", "金额/amount"], [],
                ["本市政策未规定经办费用上限（由协议约定），不计算。"], []);
        var usage = AgencyFeeCeiling.Measure(rule, year, await db.AccountsAsync(cancellationToken),
            await db.SummedLinesAsync(new LedgerPeriod(year, 12), cancellationToken));
        object[][] rows =
        [
            ["年度筹资（保险费收入）", usage.YearFunding],
            [$"上限（{usage.Rule.Ratio.ToString("P1", CultureInfo.InvariantCulture)}）", usage.Ceiling],
            [usage.Rule.IncludesAssessmentFees ? "已用（经办服务费＋失能评估费）" : "已用（经办服务费）", usage.FeesCounted],
            ["剩余", usage.Remaining],
            ["使用率%", Math.Round(usage.UsageOfCeiling * 100m, 2, MidpointRounding.AwayFromZero)],
        ];
        return new ReportTable($"{year}年{title}", ["项目/item", "金额/amount"], rows,
            [$"依据 {usage.Rule.Clause}；{(usage.Rule.Binding ? "刚性上限" : "原则性控制")}；{(usage.Exceeded ? "已超出上限" : "未超出上限")}。"], [1]);
    }

    public static async Task<ReportTable> TopProvidersAsync(ILtcDbContext db, int year, CancellationToken cancellationToken)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var final = ClaimStatus.Final.ToArray();
        var top = await db.Set<Claim>().AsNoTracking()
            .Where(c => final.Contains(c.Status) && c.ServiceMonth >= from && c.ServiceMonth <= to)
            .GroupBy(c => c.InstitutionId)
            .Select(g => new { Institution = g.Key, Claims = g.Count(), Billed = g.Sum(c => c.Billed), Fund = g.Sum(c => c.Fund) })
            .OrderByDescending(g => g.Fund).ThenBy(g => g.Institution)
            .Take(TopProviderCount)
            .ToListAsync(cancellationToken);
        var ids = top.Select(t => t.Institution).ToList();
        var names = await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => (i.Code, i.Name), cancellationToken);
        var rows = top.Select(t => new object[]
        {
            names.TryGetValue(t.Institution, out var n) ? n.Name : t.Institution.ToString(),
            names.TryGetValue(t.Institution, out var c) ? c.Code : "", t.Claims, t.Billed, t.Fund,
        }).ToList();
        return new ReportTable($"{year}年基金支付最多的定点机构（前{TopProviderCount}名）", ["机构/provider", "编码/code", "结算单数/claims", "申报金额/billed", "基金支付/fund"], rows,
            ["已审核通过或已支付的月度结算单，按服务月份计入年度。"], [4]);
    }

    public static async Task<ReportTable> DeadlinesAsync(ILtcDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var open = ApplicationStatuses.Open.ToArray();
        var concluded = ApplicationStatuses.Concluded;
        var waitingAcceptance = new[] { ApplicationStatuses.Registered, ApplicationStatuses.Incomplete };
        var groups = await db.Set<AssessmentApplication>().AsNoTracking()
            .Where(a => open.Contains(a.Status) || (a.Status == concluded && a.DeliveredOn == null && a.DeliveryDueOn != null))
            .Select(a => new
            {
                Step = a.Status == concluded ? 3 : waitingAcceptance.Contains(a.Status) ? 1 : 2,
                Due = a.Status == concluded ? a.DeliveryDueOn : waitingAcceptance.Contains(a.Status) ? (DateOnly?)a.AcceptanceDueOn : a.AssessmentDueOn,
            })
            .GroupBy(a => new { a.Step, a.Due })
            .Select(g => new { g.Key.Step, g.Key.Due, Count = g.Count() })
            .ToListAsync(cancellationToken);
        string[] steps = ["受理审核", "现场评估及结论", "结论送达"];
        var rows = new List<object[]>();
        for (var step = 1; step <= 3; step++)
        {
            var mine = groups.Where(g => g.Step == step).ToList();
            rows.Add([steps[step - 1],
                mine.Where(g => g.Due is { } d && d < today).Sum(g => g.Count),
                mine.Where(g => g.Due is { } d && d >= today && d <= today.AddDays(7)).Sum(g => g.Count),
                mine.Where(g => g.Due is { } d && d > today.AddDays(7)).Sum(g => g.Count),
                mine.Where(g => g.Due is null).Sum(g => g.Count),
                mine.Sum(g => g.Count)]);
        }

        return new ReportTable($"待办时限（{today:yyyy-MM-dd}）", ["环节/step", "已逾期/overdue", "7日内到期/due in 7 days", "7日后到期/later", "未定时限/no deadline", "合计/total"], rows,
            ["办理中的评估申请按下一环节的时限分列（受理审核：受理期限；已受理、已指派：评估期限；已出结论未送达：送达期限）。"], [1, 2, 3]);
    }

    internal static string ModeName(string code) =>
        ServiceModes.Terms.TryParse(code, out var mode) ? ServiceModes.Terms[mode].ChineseName : code;

    private static int ModeOrder(string code) =>
        ServiceModes.Terms.TryParse(code, out var mode) ? (int)mode : int.MaxValue;

    private static object Growth(int before, int after) =>
        before == 0 ? "—" : Math.Round((after - before) * 100m / before, 2, MidpointRounding.AwayFromZero);
}

/// <summary>A month of the books: income and expenditure (year-end closing entries left out).</summary>
internal readonly record struct FundMonth(decimal Income, decimal Expense);

/// <summary>The books per month from the summed lines: what the fund figure, the monthly statement and the projection read.</summary>
internal static class FundMonths
{
    public static Dictionary<LedgerPeriod, FundMonth> Compute(IEnumerable<Account> accounts, IEnumerable<LedgerLine> lines)
    {
        var types = accounts.ToDictionary(a => a.Code, a => a.Type, StringComparer.Ordinal);
        var months = new Dictionary<LedgerPeriod, FundMonth>();
        foreach (var line in lines)
        {
            if (line.SourceType == SourceDocumentType.Closing || !types.TryGetValue(line.AccountCode, out var type))
                continue;
            var month = months.GetValueOrDefault(line.Period);
            months[line.Period] = type switch
            {
                AccountType.Income => month with { Income = month.Income - line.SignedAmount },
                AccountType.Expense => month with { Expense = month.Expense + line.SignedAmount },
                _ => month,
            };
        }

        return months;
    }

    public static decimal BalanceThrough(IReadOnlyDictionary<LedgerPeriod, FundMonth> months, LedgerPeriod through) =>
        months.Where(m => m.Key.CompareTo(through) <= 0).Sum(m => m.Value.Income - m.Value.Expense);

    /// <summary>Balance through the month ÷ the mean monthly expenditure of the twelve months ending with it; null without spending.</summary>
    public static decimal? MonthsOfReserve(IReadOnlyDictionary<LedgerPeriod, FundMonth> months, LedgerPeriod through)
    {
        var first = through.FirstDay.AddMonths(-11);
        var start = new LedgerPeriod(first.Year, first.Month);
        var spent = months.Where(m => m.Key.CompareTo(start) >= 0 && m.Key.CompareTo(through) <= 0).Sum(m => m.Value.Expense);
        if (spent <= 0m)
            return null;
        return Math.Round(BalanceThrough(months, through) / (spent / 12m), 1, MidpointRounding.AwayFromZero);
    }

    public static FundMonth Year(IReadOnlyDictionary<LedgerPeriod, FundMonth> months, int year) =>
        new(months.Where(m => m.Key.Year == year).Sum(m => m.Value.Income), months.Where(m => m.Key.Year == year).Sum(m => m.Value.Expense));
}
