using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Vocabulary;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Infrastructure.Ledger;

/// <summary>
/// Demo books for development: the chart of accounts of every tenant and, for the schemes running in <see cref="Year"/>,
/// entries built on the real demo bills and payments (<see cref="Seeding.DemoContributions"/>, which book the funding
/// side themselves, the other payers' transfers included): the benefit side (care settlements, assessment fees, agency fees, one reversal,
/// closed months) scaled to what each sub-ledger actually received, so that the fund's bank account never drops below
/// zero on any day and agency fees stay well under any ceiling. Yulin's scheme starts 2027-01-01: only its chart.
/// Idempotent: every entry has a demo key, and its amount depends only on the bills and payments. Never deploy demo data.
/// </summary>
public static class LedgerDemoData
{
    public const int Year = 2026;

    /// <summary>Care settlements of a month as a share of the year's receipts (about 58 % of them over ten months).</summary>
    public const decimal MonthlyCareShare = 0.05m;

    /// <summary>Assessment fees of a month as a share of the year's receipts (0.8 % a year).</summary>
    public const decimal MonthlyAssessmentShare = 0.0008m;

    /// <summary>Agency fees of a quarter as a share of the year's receipts (0.6 % a year; Jining's ceiling is 2 %, Yulin's higher).</summary>
    public const decimal QuarterlyAgencyShare = 0.002m;

    /// <summary>Seeds every tenant in <paramref name="tenantIds"/> through the owner connection (as the migrations do).</summary>
    public static async Task SeedAsync(string ownerConnectionString, IEnumerable<string> tenantIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantIds);
        foreach (var tenant in tenantIds)
        {
            await using var db = new LtcDbContext(LtcDbContextOptions.ForOwner(ownerConnectionString), new FixedCurrentTenant(tenant));
            await LedgerChartSeeder.SeedDefaultAsync(db, tenant, cancellationToken);
            // No demo entries in a year before the city's scheme starts (Yulin starts in 2027).
            if (CityRegistry.Current.Find(tenant) is { } module && module.SchemeStart.Year <= Year)
                await SeedEntriesAsync(db, tenant, cancellationToken);
        }
    }

    /// <summary>Seeds only the charts of accounts (the billing run books on them).</summary>
    public static async Task SeedChartsAsync(string ownerConnectionString, IEnumerable<string> tenantIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantIds);
        foreach (var tenant in tenantIds)
        {
            await using var db = new LtcDbContext(LtcDbContextOptions.ForOwner(ownerConnectionString), new FixedCurrentTenant(tenant));
            await LedgerChartSeeder.SeedDefaultAsync(db, tenant, cancellationToken);
        }
    }

    private sealed record Line(string Account, string Side, decimal Amount, DateOnly Date, string Key);

    private static async Task<List<Line>> YearLinesAsync(LtcDbContext db, CancellationToken ct)
    {
        var first = new DateOnly(Year, 1, 1);
        var last = new DateOnly(Year, 12, 31);
        return await (
                from p in db.Set<JournalPostingRecord>()
                join e in db.Set<JournalEntryRecord>() on new { p.TenantId, p.Sequence } equals new { e.TenantId, e.Sequence }
                where e.BusinessDate >= first && e.BusinessDate <= last
                select new Line(p.AccountCode, p.Side, p.Amount, e.BusinessDate, e.IdempotencyKey))
            .AsNoTracking().ToListAsync(ct);
    }

    private static string Base(string code) => code.Split('@')[0];

    private static string? RegionOf(string code) => code.Contains('@', StringComparison.Ordinal) ? code.Split('@')[1] : null;

    private static async Task SeedEntriesAsync(LtcDbContext db, string tenant, CancellationToken ct)
    {
        var ledger = new LedgerPostingService(db, TimeProvider.System);

        async Task<JournalEntry> Post(string key, DateOnly date, string description, SourceDocumentType type, params Posting[] postings) =>
            (await ledger.PostAsync(new EntryDraft(date, "【演示】" + description, new SourceDocument(type, key.ToUpperInvariant()),
                $"demo:{key}", postings), ct)).Entry;

        // The other payers' transfers are recorded by DemoContributions through RecordTransferCommand (the clerk's use case).
        var lines = await YearLinesAsync(db, ct);
        var billLines = lines.Where(l => l.Key.StartsWith("contribution:", StringComparison.Ordinal) && l.Side == "D").ToList();

        // The benefit side of each sub-ledger, scaled to what its bank account received.
        var receipts = lines.Where(l => Base(l.Account) == StandardChart.FundSpecialAccount && l.Side == "D"
                                        && !l.Key.Contains("reversal", StringComparison.Ordinal))
            .GroupBy(l => l.Account).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var insured = billLines.GroupBy(l => RegionOf(l.Account)).ToDictionary(g => g.Key ?? "", g => g.Select(l => l.Key).Distinct().Count());
        var first = true;
        foreach (var bankAccount in receipts)
        {
            var region = RegionOf(bankAccount.Key);
            string A(string code) => region is null ? code : Account.RegionAccountCode(code, region);
            var suffix = region is null ? "" : "-" + region;
            var funding = bankAccount.Sum(l => l.Amount);
            var heads = insured.GetValueOrDefault(region ?? "");
            var paidOut = 0m;
            for (var month = 1; month <= 10; month++)
            {
                var end = new LedgerPeriod(Year, month).LastDay;
                var paidOn = end.AddDays(10);
                var available = bankAccount.Where(l => l.Date <= paidOn).Sum(l => l.Amount) - paidOut;
                var planned = decimal.Round(funding * MonthlyCareShare * (1m + 0.03m * month), 2, MidpointRounding.AwayFromZero);
                var care = Math.Min(planned, decimal.Floor(available * 90m) / 100m);
                if (care > 0m)
                {
                    paidOut += care;
                    await Post($"claim-{Year}-{month:D2}{suffix}", end, $"{month}月机构护理费用结算（参保{heads}人）", SourceDocumentType.Claim,
                        Posting.Debit(A(StandardChart.BenefitExpense(ServiceMode.Institution)), care),
                        Posting.Credit(A(StandardChart.PayableToInstitutions), care));
                    await Post($"settlement-{Year}-{month:D2}{suffix}", paidOn, $"{month}月机构护理费用拨付（参保{heads}人）", SourceDocumentType.Settlement,
                        Posting.Debit(A(StandardChart.PayableToInstitutions), care),
                        Posting.Credit(A(StandardChart.FundSpecialAccount), care));
                }

                var assessment = decimal.Round(funding * MonthlyAssessmentShare, 2, MidpointRounding.AwayFromZero);
                if (assessment > 0m)
                    await Post($"assessment-{Year}-{month:D2}{suffix}", end, $"{month}月失能评估费（参保{heads}人）", SourceDocumentType.Fee,
                        Posting.Debit(A(StandardChart.AssessmentFees), assessment),
                        Posting.Credit(A(StandardChart.PayableToAssessors), assessment));
                var agency = decimal.Round(funding * QuarterlyAgencyShare, 2, MidpointRounding.AwayFromZero);
                if (month % 3 == 0 && agency > 0m)
                    await Post($"agency-{Year}-Q{month / 3}{suffix}", end, $"第{month / 3}季度经办服务费（参保{heads}人）", SourceDocumentType.Fee,
                        Posting.Debit(A(StandardChart.AgencyFees), agency),
                        Posting.Credit(A(StandardChart.PayableToAgency), agency));
            }

            // A claim booked twice by mistake, then reversed: how corrections look in append-only books.
            if (first && funding > 0m)
            {
                first = false;
                var duplicate = await Post($"claim-{Year}-05-duplicate", new DateOnly(Year, 5, 31), "5月机构护理费用结算（重复录入）",
                    SourceDocumentType.Claim,
                    Posting.Debit(A(StandardChart.BenefitExpense(ServiceMode.Institution)), 880m),
                    Posting.Credit(A(StandardChart.PayableToInstitutions), 880m));
                await ledger.ReverseAsync(duplicate.Sequence, new DateOnly(Year, 6, 3), $"demo:claim-{Year}-05-duplicate:reversal",
                    "【演示】冲销重复录入的5月结算", ct);
            }
        }

        if (receipts.Count == 0)
            return;
        for (var month = 1; month <= 9; month++)
            await ledger.ClosePeriodAsync(new LedgerPeriod(Year, month), ct);
    }
}
