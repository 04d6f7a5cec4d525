using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Domain.Tests.Ledger;

/// <summary>Small builders so that specs read as the business event they describe.</summary>
internal static class LedgerFixtures
{
    public const string Tenant = "jining";
    public static readonly DateTimeOffset Noon = new(2027, 1, 15, 4, 0, 0, TimeSpan.Zero);

    public static readonly string Bank = StandardChart.FundSpecialAccount;
    public static readonly string IndividualIncome = StandardChart.ContributionIncome(Domain.Vocabulary.Payer.Individual);
    public static readonly string FiscalIncome = StandardChart.ContributionIncome(Domain.Vocabulary.Payer.Fiscal);
    public static readonly string HomeCare = StandardChart.BenefitExpense(ServiceMode.Home);
    public static readonly string Institutions = StandardChart.PayableToInstitutions;

    public static TenantBooks NewBooks() => new(Tenant, StandardChart.For(Tenant));

    public static EntryDraft Contribution(string key, decimal amount, DateOnly date, LedgerPeriod? period = null) =>
        new(date, "居民个人缴费", new SourceDocument(SourceDocumentType.Bill, $"BILL-{key}"), key,
            [Posting.Debit(Bank, amount), Posting.Credit(IndividualIncome, amount)], period);

    public static EntryDraft Claim(string key, decimal amount, DateOnly date) =>
        new(date, "居家护理月度结算", new SourceDocument(SourceDocumentType.Claim, $"CLM-{key}"), key,
            [Posting.Debit(HomeCare, amount), Posting.Credit(Institutions, amount)]);

    public static DateOnly D(int year, int month, int day) => new(year, month, day);
}
