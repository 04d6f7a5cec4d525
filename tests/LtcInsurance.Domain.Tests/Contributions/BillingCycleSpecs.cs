using LtcInsurance.Domain;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Tests.Contributions;

public sealed class BillingCycleSpecs
{
    [Theory]
    [InlineData(TenantIds.Zhenjiang)]
    [InlineData(TenantIds.Shishi)]
    [InlineData(TenantIds.Jining)]
    [InlineData(TenantIds.Yuzhong)]
    public void Yearly_cities_bill_a_whole_year(string tenant)
    {
        var period = BillingCycle.For(tenant).Period("2028");
        Assert.Equal(new DateOnly(2028, 1, 1), period.Start);
        Assert.Equal(new DateOnly(2028, 12, 31), period.End);
        Assert.Throws<PolicyException>(() => BillingCycle.For(tenant).Period("2028-02"));
    }

    [Fact]
    public void Yulin_bills_by_month_and_refuses_a_year_citing_its_clause()
    {
        var cycle = BillingCycle.For(TenantIds.Yulin);
        Assert.Equal(new DateOnly(2027, 2, 28), cycle.Period("2027-02").End);
        var refused = Assert.Throws<PolicyException>(() => cycle.Period("2027"));
        Assert.Contains("YL 二(三)1", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bill_books_each_payer_receivable_against_that_payer_income_and_balances()
    {
        var person = Guid.NewGuid();
        var bill = ContributionBill.Issue(TenantIds.Shishi, "2027", person, SchemeKinds.SpecialGroups, "350581",
            [new ContributionLine(Payers.Fiscal, 368m), new ContributionLine(Payers.FiscalSubsidy, 12m)], "{}", DateTimeOffset.UnixEpoch);

        var draft = ContributionPosting.ForBill(bill, code => code)!;

        Assert.Equal($"contribution:shishi:2027:{person:N}", draft.IdempotencyKey);
        Assert.Equal(380m, draft.TotalDebits);
        Assert.Contains(draft.Postings, p => p.AccountCode == StandardChart.ContributionIncome(Payer.Fiscal) && p.Side == Side.Credit && p.Amount == 368m);
        Assert.Contains(draft.Postings, p => p.AccountCode == StandardChart.ContributionReceivable(Payer.FiscalSubsidy) && p.Side == Side.Debit && p.Amount == 12m);
        Assert.Equal(new DateOnly(2027, 1, 1), draft.BusinessDate);
    }

    [Fact]
    public void A_bill_with_nothing_due_books_nothing()
    {
        var bill = ContributionBill.Issue(TenantIds.Yulin, "2027-03", Guid.NewGuid(), SchemeKinds.Resident, "450902", [], "{}",
            DateTimeOffset.UnixEpoch);
        Assert.Null(ContributionPosting.ForBill(bill, code => code));
    }
}
