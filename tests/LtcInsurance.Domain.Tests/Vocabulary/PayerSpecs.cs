using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Tests.Vocabulary;

public sealed class PayerSpecs
{
    [Fact]
    public void The_engine_codes_are_the_vocabulary_codes_unchanged()
    {
        // `ltc calc` writes these in its JSON; bill lines store them.
        Assert.Equal(
            ["individual", "employer", "medical_fund", "fiscal", "fiscal_subsidy", "donation"],
            Payer.All.Select(p => p.Code));
        Assert.Equal(
            [Payers.Individual, Payers.Employer, Payers.MedicalFund, Payers.Fiscal, Payers.FiscalSubsidy],
            new[] { Payer.Individual, Payer.Employer, Payer.MedicalFund, Payer.Fiscal, Payer.FiscalSubsidy }.Select(p => p.Code));
    }

    [Fact]
    public void Each_payer_keeps_its_ledger_accounts_whatever_the_order_of_the_list()
    {
        // The codes are in every tenant's books: written out here so that a change to them is deliberate.
        var expected = new Dictionary<Payer, (string Receivable, string Income, string Name)>
        {
            [Payer.Individual] = ("1101.01", "4101.01", "个人缴费"),
            [Payer.Employer] = ("1101.02", "4101.02", "单位缴费"),
            [Payer.MedicalFund] = ("1101.03", "4101.03", "医保统筹基金划转"),
            [Payer.Fiscal] = ("1101.04", "4101.04", "财政补助"),
            [Payer.FiscalSubsidy] = ("1101.05", "4101.05", "财政资助参保补贴"),
            [Payer.Donation] = ("1101.06", "4101.06", "社会捐助"),
        };
        var chart = StandardChart.For(TenantIds.Jining).ToDictionary(a => a.Code);

        Assert.Equal(expected.Count, Payer.All.Count);
        foreach (var (payer, (receivable, income, name)) in expected)
        {
            Assert.Equal(receivable, StandardChart.ContributionReceivable(payer));
            Assert.Equal(income, StandardChart.ContributionIncome(payer));
            Assert.Equal(name, payer.Name);
            Assert.Equal($"应收保险费—{name}", chart[receivable].Name);
            Assert.Equal($"保险费收入—{name}收入", chart[income].Name);
        }
    }

    [Fact]
    public void A_code_reads_back_as_its_payer_and_an_unknown_code_is_refused()
    {
        Assert.All(Payer.All, p => Assert.Same(p, Payer.FromCode(p.Code)));
        Assert.False(Payer.TryFromCode("Individual", out _));
        Assert.False(Payer.TryFromCode(null, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => Payer.FromCode("lottery"));
    }

    [Fact]
    public void Every_payer_has_a_name_in_both_languages_and_a_clause()
    {
        Assert.All(Payer.All, p =>
        {
            Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}+$", p.Name);
            Assert.Matches("^[A-Z][a-z ]+$", p.EnglishName);
            Assert.False(string.IsNullOrWhiteSpace(p.Clause));
        });
    }
}
