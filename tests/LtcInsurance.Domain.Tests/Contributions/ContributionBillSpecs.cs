using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Tests.Contributions;

/// <summary>The bill's rules, without a database: how it is issued, booked and paid.</summary>
public sealed class ContributionBillSpecs
{
    private static readonly DateTimeOffset Now = new(2027, 5, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A Yulin worker's month (YL 二(三)1): 7.50 from the employer, 7.50 of their own.</summary>
    private static ContributionBill WorkerBill() =>
        ContributionBill.Issue(TenantIds.Yulin, "2027-05", Guid.NewGuid(), SchemeKinds.Employee, "450902",
            [new ContributionLine(Payers.Employer, 7.50m), new ContributionLine(Payers.Individual, 7.50m)], "{}", Now);

    [Fact]
    public void A_bill_totals_its_lines_and_the_person_owes_the_individual_line()
    {
        var bill = WorkerBill();

        Assert.Equal(15.00m, bill.Total);
        Assert.Equal(7.50m, bill.IndividualDue);
        Assert.Equal(7.50m, bill.Outstanding);
        Assert.Equal([(Payers.Employer, 7.50m), (Payers.Individual, 7.50m)], bill.Lines.Select(l => (l.Payer, l.Amount)));
        Assert.All(bill.Lines, l => Assert.Equal((bill.TenantId, bill.Id), (l.TenantId, l.BillId)));
        Assert.Null(bill.JournalSequence);
        Assert.Equal(Now, bill.CreatedAt);
    }

    [Fact]
    public void A_subsidised_person_owes_nothing_of_their_own()
    {
        // SS 二(三): the city's fiscal pays the 12 yuan of a person of the special groups.
        var bill = ContributionBill.Issue(TenantIds.Shishi, "2027", Guid.NewGuid(), SchemeKinds.SpecialGroups, "350581",
            [new ContributionLine(Payers.Fiscal, 368m), new ContributionLine(Payers.FiscalSubsidy, 12m)], "{}", Now);

        Assert.Equal((380m, 0m), (bill.Total, bill.IndividualDue));
    }

    [Fact]
    public void A_line_of_an_unknown_payer_is_refused()
    {
        var broken = Assert.Throws<BusinessRuleViolationException>(() =>
            ContributionBill.Issue(TenantIds.Yulin, "2027-05", Guid.NewGuid(), SchemeKinds.Employee, "450902",
                [new ContributionLine("lottery", 5m)], "{}", Now));

        Assert.Equal("unknown_payer", broken.Code);
        Assert.IsType<BillLineMustNameAKnownPayer>(broken.Rule);
        Assert.Contains("lottery", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payer_appears_once_on_a_bill()
    {
        var broken = Assert.Throws<BusinessRuleViolationException>(() =>
            ContributionBill.Issue(TenantIds.Yulin, "2027-05", Guid.NewGuid(), SchemeKinds.Employee, "450902",
                [new ContributionLine(Payers.Individual, 5m), new ContributionLine(Payers.Individual, 2.5m)], "{}", Now));

        Assert.Equal("duplicate_payer", broken.Code);
    }

    [Fact]
    public void A_negative_share_is_refused()
    {
        var broken = Assert.Throws<BusinessRuleViolationException>(() =>
            ContributionBill.Issue(TenantIds.Yulin, "2027-05", Guid.NewGuid(), SchemeKinds.Employee, "450902",
                [new ContributionLine(Payers.Individual, -1m)], "{}", Now));

        Assert.Equal("negative_line", broken.Code);
    }

    [Fact]
    public void A_bill_is_booked_by_one_entry_and_noting_that_entry_again_changes_nothing()
    {
        var bill = WorkerBill();

        bill.RecordPosting(41);
        bill.RecordPosting(41);
        var broken = Assert.Throws<BusinessRuleViolationException>(() => bill.RecordPosting(42));

        Assert.Equal(41, bill.JournalSequence);
        Assert.Equal("bill_already_booked", broken.Code);
    }

    [Fact]
    public void A_payment_within_what_is_outstanding_is_recorded_against_the_bill()
    {
        var bill = WorkerBill();

        var first = bill.RecordPayment(" YL-R-1 ", 5.00m, new DateOnly(2027, 5, 20), Now, "clerk.yulin");
        var second = bill.RecordPayment("YL-R-2", 2.50m, new DateOnly(2027, 5, 21), Now, "clerk.yulin");

        Assert.Equal((bill.TenantId, bill.Id, "YL-R-1", 5.00m), (first.TenantId, first.BillId, first.Reference, first.Amount));
        Assert.Equal(new DateOnly(2027, 5, 20), first.PaidOn);
        Assert.Equal(Now, first.RecordedAt);
        Assert.Equal("clerk.yulin", first.RecordedBy);
        Assert.Null(first.JournalSequence);
        Assert.Equal([first, second], bill.Payments);
        Assert.Equal(0m, bill.Outstanding);
    }

    [Fact]
    public void Paying_more_than_is_outstanding_is_refused_and_records_nothing()
    {
        var bill = WorkerBill();
        bill.RecordPayment("YL-R-1", 5.00m, new DateOnly(2027, 5, 20), Now, "clerk.yulin");

        var broken = Assert.Throws<BusinessRuleViolationException>(() =>
            bill.RecordPayment("YL-R-2", 2.51m, new DateOnly(2027, 5, 21), Now, "clerk.yulin"));

        Assert.Equal("overpayment", broken.Code);
        Assert.IsType<PaymentMustNotExceedOutstanding>(broken.Rule);
        Assert.Equal("缴费金额 2.51 超过未缴金额 2.50", broken.Message);
        Assert.Single(bill.Payments);
        Assert.Equal(2.50m, bill.Outstanding);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-7.5)]
    public void A_payment_of_nothing_or_less_is_refused(double amount)
    {
        var bill = WorkerBill();

        var broken = Assert.Throws<BusinessRuleViolationException>(() =>
            bill.RecordPayment("YL-R-3", (decimal)amount, new DateOnly(2027, 5, 20), Now, "clerk.yulin"));

        Assert.IsType<PaymentAmountMustBePositive>(broken.Rule);
        Assert.Equal("invalid_amount", broken.Code);
        Assert.Empty(bill.Payments);
    }

    [Fact]
    public void A_payment_in_fractions_of_a_cent_is_refused()
    {
        var broken = Assert.Throws<BusinessRuleViolationException>(() =>
            WorkerBill().RecordPayment("YL-R-4", 1.005m, new DateOnly(2027, 5, 20), Now, "clerk.yulin"));

        Assert.IsType<PaymentAmountMustBeWholeCents>(broken.Rule);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("R-123456789012345678901234567890123456789012345678901234567890123")]
    public void A_payment_without_a_usable_reference_is_refused(string reference)
    {
        var broken = Assert.Throws<BusinessRuleViolationException>(() =>
            WorkerBill().RecordPayment(reference, 1m, new DateOnly(2027, 5, 20), Now, "clerk.yulin"));

        Assert.IsType<PaymentMustCarryAReference>(broken.Rule);
        Assert.Equal("缴费凭证号为空或超过64个字符", broken.Message);
    }

    [Fact]
    public void A_payment_is_booked_by_one_entry()
    {
        var payment = WorkerBill().RecordPayment("YL-R-5", 7.50m, new DateOnly(2027, 5, 20), Now, "clerk.yulin");

        payment.RecordPosting(7);
        payment.RecordPosting(7);

        Assert.Equal(7, payment.JournalSequence);
        Assert.Equal("payment_already_booked",
            Assert.Throws<BusinessRuleViolationException>(() => payment.RecordPosting(8)).Code);
    }

    [Fact]
    public void Every_rule_names_a_code_a_clause_and_a_chinese_message()
    {
        IBusinessRule[] rules =
        [
            new BillLineMustNameAKnownPayer("x"), new BillLineMustNotBeNegative("x", -1m), new BillHasOneLinePerPayer(["x", "x"]),
            new BillIsBookedOnce(1, 2), new PaymentMustCarryAReference(""), new PaymentAmountMustBePositive(0m),
            new PaymentAmountMustBeWholeCents(0.001m), new PaymentMustNotExceedOutstanding(2m, 1m), new PaymentIsBookedOnce(1, 2),
        ];

        Assert.All(rules, rule =>
        {
            Assert.True(rule.IsBroken());
            Assert.False(string.IsNullOrWhiteSpace(rule.Code));
            Assert.False(string.IsNullOrWhiteSpace(rule.Clause));
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", rule.Message);
        });
    }
}
