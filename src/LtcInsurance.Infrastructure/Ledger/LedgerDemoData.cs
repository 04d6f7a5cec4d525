using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Vocabulary;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Tenancy;

namespace LtcInsurance.Infrastructure.Ledger;

/// <summary>
/// Demo books for development: the chart of accounts of every tenant and, for the schemes already running in
/// 2026, a year of fictitious entries (contributions, settlements, assessment and agency fees, one reversal,
/// closed months) so that the auditor pages and `ltc ledger verify` have something to show. Yulin's scheme
/// starts 2027-01-01 (its document), so it gets only its chart. Idempotent: every entry has a demo key.
/// Never deploy demo data.
/// </summary>
public static class LedgerDemoData
{
    public const int Year = 2026;
    private const int Insured = 1000;

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
                await SeedEntriesAsync(db, tenant, module.LedgerRegions.FirstOrDefault(), cancellationToken);
        }
    }

    private static async Task SeedEntriesAsync(LtcDbContext db, string tenant, string? region, CancellationToken ct)
    {
        var ledger = new LedgerPostingService(db, TimeProvider.System);
        // A city whose books are split by region (its module's ledger regions, e.g. Jining's pilot counties) gets the
        // demo entries on its first region's sub-ledger (任城区 for Jining).
        string A(string code) => region is null ? code : Account.RegionAccountCode(code, region);
        var bank = A(StandardChart.FundSpecialAccount);

        async Task<JournalEntry> Post(string key, DateOnly date, string description, SourceDocumentType type, params Posting[] postings) =>
            (
            await ledger.PostAsync(new EntryDraft(date, "【演示】" + description, new SourceDocument(type, key.ToUpperInvariant()),
                $"demo:{key}", postings), ct)).Entry;

        // Yearly funding (筹资): the figures of the documents where they give them (SS 二(三): 12 + 368;
        // JN 二: 25 + 5), made-up ones elsewhere (their standards are local parameters). The keys keep the names the
        // demo entries were first posted under, so that seeding an existing database finds them.
        (Payer Payer, string Key, decimal PerPerson)[] funding = tenant switch
        {
            TenantIds.Shishi => [(Payer.FiscalSubsidy, "FiscalSubsidy", 12m), (Payer.Fiscal, "FiscalShare", 368m)],
            TenantIds.Jining => [(Payer.MedicalFund, "MedicalFundTransfer", 25m), (Payer.Fiscal, "FiscalShare", 5m)],
            _ => [(Payer.Individual, "Individual", 50m), (Payer.MedicalFund, "MedicalFundTransfer", 70m)],
        };
        var january = new DateOnly(Year, 1, 10);
        foreach (var (payer, key, perPerson) in funding)
        {
            var amount = perPerson * Insured;
            await Post($"bill-{Year}-{key}", january, $"{Year}年度筹资应收（{Insured}人）", SourceDocumentType.Bill,
                Posting.Debit(A(StandardChart.ContributionReceivable(payer)), amount),
                Posting.Credit(A(StandardChart.ContributionIncome(payer)), amount));
            await Post($"receipt-{Year}-{key}", january.AddDays(15), $"{Year}年度筹资到账", SourceDocumentType.Bill,
                Posting.Debit(bank, amount),
                Posting.Credit(A(StandardChart.ContributionReceivable(payer)), amount));
        }

        for (var month = 1; month <= 10; month++)
        {
            var end = new LedgerPeriod(Year, month).LastDay;
            var care = 18_000m + 350.5m * month;
            await Post($"claim-{Year}-{month:D2}", end, $"{month}月机构护理费用结算", SourceDocumentType.Claim,
                Posting.Debit(A(StandardChart.BenefitExpense(ServiceMode.Institution)), care),
                Posting.Credit(A(StandardChart.PayableToInstitutions), care));
            await Post($"settlement-{Year}-{month:D2}", end.AddDays(10), $"{month}月机构护理费用拨付", SourceDocumentType.Settlement,
                Posting.Debit(A(StandardChart.PayableToInstitutions), care),
                Posting.Credit(bank, care));
            await Post($"assessment-{Year}-{month:D2}", end, $"{month}月失能评估费", SourceDocumentType.Fee,
                Posting.Debit(A(StandardChart.AssessmentFees), 1_200m),
                Posting.Credit(A(StandardChart.PayableToAssessors), 1_200m));
            if (month % 3 == 0)
                await Post($"agency-{Year}-Q{month / 3}", end, $"第{month / 3}季度经办服务费", SourceDocumentType.Fee,
                    Posting.Debit(A(StandardChart.AgencyFees), 1_500m),
                    Posting.Credit(A(StandardChart.PayableToAgency), 1_500m));
        }

        // A claim booked twice by mistake, then reversed: how corrections look in append-only books.
        var duplicate = await Post($"claim-{Year}-05-duplicate", new DateOnly(Year, 5, 31), "5月机构护理费用结算（重复录入）",
            SourceDocumentType.Claim,
            Posting.Debit(A(StandardChart.BenefitExpense(ServiceMode.Institution)), 880m),
            Posting.Credit(A(StandardChart.PayableToInstitutions), 880m));
        await ledger.ReverseAsync(duplicate.Sequence, new DateOnly(Year, 6, 3), $"demo:claim-{Year}-05-duplicate:reversal",
            "【演示】冲销重复录入的5月结算", ct);

        for (var month = 1; month <= 9; month++)
            await ledger.ClosePeriodAsync(new LedgerPeriod(Year, month), ct);
    }
}
