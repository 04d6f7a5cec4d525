using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Reports;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Reports;

/// <summary>The statistical reports a city sends upward, each for one month.</summary>
public enum StatisticalReport
{
    /// <summary>基金收支月报.</summary>
    FundMonthly,

    /// <summary>享受待遇人员统计（等级×服务方式）.</summary>
    BeneficiariesByLevelAndMode,

    /// <summary>定点机构结算统计.</summary>
    ClaimsByProvider,
}

/// <summary>The reports' reads: set-based, like the dashboard's (<see cref="CityFigures"/>).</summary>
internal static class StatisticalReports
{
    public static string Name(StatisticalReport report) => report switch
    {
        StatisticalReport.FundMonthly => "基金收支月报",
        StatisticalReport.BeneficiariesByLevelAndMode => "享受待遇人员统计表",
        _ => "定点机构结算统计表",
    };

    public static Task<ReportTable> BuildAsync(ILtcDbContext db, StatisticalReport report, LedgerPeriod month,
        CancellationToken cancellationToken) => report switch
    {
        StatisticalReport.FundMonthly => FundMonthlyAsync(db, month, cancellationToken),
        StatisticalReport.BeneficiariesByLevelAndMode => BeneficiariesAsync(db, month, cancellationToken),
        _ => ClaimsByProviderAsync(db, month, cancellationToken),
    };

    /// <summary>
    /// 基金收支月报: each income and expense account with the month's and the year-to-date amounts, the totals, the month's
    /// surplus and the balance at the end of the month. One GROUP BY over the journal.
    /// </summary>
    private static async Task<ReportTable> FundMonthlyAsync(ILtcDbContext db, LedgerPeriod month, CancellationToken cancellationToken)
    {
        var accounts = await db.AccountsAsync(cancellationToken);
        var lines = (await db.SummedLinesAsync(month, cancellationToken)).Where(l => l.SourceType != SourceDocumentType.Closing).ToList();
        var rows = new List<object[]>();
        decimal Amount(Account a, Func<LedgerLine, bool> when) =>
            lines.Where(l => l.AccountCode == a.Code && when(l)).Sum(l => a.Type == AccountType.Income ? -l.SignedAmount : l.SignedAmount);
        foreach (var (type, label) in new[] { (AccountType.Income, "收入合计"), (AccountType.Expense, "支出合计") })
        {
            decimal monthTotal = 0m, yearTotal = 0m;
            foreach (var account in accounts.Where(a => a.Type == type).OrderBy(a => a.Code, StringComparer.Ordinal))
            {
                var inMonth = Amount(account, l => l.Period == month);
                var inYear = Amount(account, l => l.Period.Year == month.Year);
                if (inMonth == 0m && inYear == 0m)
                    continue;
                rows.Add([account.Code, account.Name, inMonth, inYear]);
                monthTotal += inMonth;
                yearTotal += inYear;
            }

            rows.Add(["", label, monthTotal, yearTotal]);
        }

        var months = FundMonths.Compute(accounts, lines);
        var thisMonth = months.GetValueOrDefault(month);
        var thisYear = FundMonths.Year(months, month.Year);
        rows.Add(["", "本期结余", thisMonth.Income - thisMonth.Expense, thisYear.Income - thisYear.Expense]);
        rows.Add(["", "期末累计结余", FundMonths.BalanceThrough(months, month), FundMonths.BalanceThrough(months, month)]);
        return new ReportTable($"基金收支月报（{month}）", ["科目代码/code", "项目/item", "本月/month", "本年累计/year to date"], rows,
            ["根据基金账簿汇总，不含年终结转分录；收入为贷方净额，支出为借方净额；累计结余为建账以来收入减支出。"], [2]);
    }

    private static async Task<ReportTable> BeneficiariesAsync(ILtcDbContext db, LedgerPeriod month, CancellationToken cancellationToken)
    {
        var table = await CityFigures.BeneficiariesAsync(db, month.LastDay, cancellationToken);
        return table with { Title = $"享受待遇人员统计表（{month}月末）" };
    }

    /// <summary>定点机构结算统计: the month's final claims per provider (lines not recovered), one GROUP BY over the claim lines.</summary>
    private static async Task<ReportTable> ClaimsByProviderAsync(ILtcDbContext db, LedgerPeriod month, CancellationToken cancellationToken)
    {
        var serviceMonth = month.FirstDay;
        var final = ClaimStatus.Final.ToArray();
        var groups = await (
                from l in db.Set<ClaimLine>().AsNoTracking()
                join c in db.Set<Claim>().AsNoTracking() on l.ClaimId equals c.Id
                where c.ServiceMonth == serviceMonth && final.Contains(c.Status) && !l.Recovered
                group new { l.PersonId, l.ClaimId, l.Amount, l.Fund, l.Individual } by c.InstitutionId into g
                select new
                {
                    Institution = g.Key,
                    Claims = g.Select(x => x.ClaimId).Distinct().Count(),
                    People = g.Select(x => x.PersonId).Distinct().Count(),
                    Billed = g.Sum(x => x.Amount),
                    Fund = g.Sum(x => x.Fund),
                    Individual = g.Sum(x => x.Individual),
                })
            .ToListAsync(cancellationToken);
        var ids = groups.Select(g => g.Institution).ToList();
        var names = await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => (i.Code, i.Name), cancellationToken);
        var rows = groups
            .Select(g => (Name: names.GetValueOrDefault(g.Institution), g))
            .OrderBy(x => x.Name.Code, StringComparer.Ordinal)
            .Select(x => new object[] { x.Name.Code ?? "", x.Name.Name ?? x.g.Institution.ToString(), x.g.Claims, x.g.People, x.g.Billed, x.g.Fund, x.g.Individual })
            .ToList();
        rows.Add(["", "合计", groups.Sum(g => g.Claims), groups.Sum(g => g.People), groups.Sum(g => g.Billed), groups.Sum(g => g.Fund), groups.Sum(g => g.Individual)]);
        return new ReportTable($"定点机构结算统计表（{month}）", ["机构编码/code", "机构名称/provider", "结算单数/claims", "服务人数/people", "申报金额/billed", "基金支付/fund", "个人负担/individual"], rows,
            ["服务月份为本月、已审核通过或已支付的结算单；已追回的明细不计。合计行的服务人数为各机构人数之和。"], [5]);
    }
}
