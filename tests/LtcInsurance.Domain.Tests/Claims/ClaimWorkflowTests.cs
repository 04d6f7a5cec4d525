using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Domain.Tests.Claims;

public class ClaimWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Month November = new(2026, 11);

    private static Claim NewClaim(decimal fund = 100m)
    {
        var claim = Claim.Submit("yulin", Guid.NewGuid(), "YL001", November, 1, "key-1", "hash", "institution.a", Now);
        var line = claim.AddLine(1, Guid.NewGuid(), Guid.NewGuid(), "institution", new DateOnly(2026, 11, 3), "BED", LineCategories.Care, 1m, fund + 10m, null, []);
        line.Fund = fund;
        line.Individual = 10m;
        claim.Settle([]);
        return claim;
    }

    private static string Refusal(Action act) => Assert.Throws<BusinessRuleViolationException>(act).Code;

    [Fact]
    public void The_window_opens_on_the_first_of_the_next_month_and_closes_on_the_tenants_day()
    {
        var window = new ClaimWindow(November, 10);
        Assert.Equal(new DateOnly(2026, 12, 1), window.Opens);
        Assert.Equal(new DateOnly(2026, 12, 10), window.Closes);
        Assert.Equal(WindowState.NotYetOpen, window.StateOn(new DateOnly(2026, 11, 30)));
        Assert.Equal(WindowState.Open, window.StateOn(new DateOnly(2026, 12, 1)));
        Assert.Equal(WindowState.Open, window.StateOn(new DateOnly(2026, 12, 10)));
        Assert.Equal(WindowState.Closed, window.StateOn(new DateOnly(2026, 12, 11)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClaimWindow(November, 31).Closes);
    }

    [Fact]
    public void A_provider_withdraws_before_the_close_and_the_claim_is_frozen_after_it()
    {
        var claim = NewClaim();
        Assert.Equal(ClaimCodes.WindowClosed, Refusal(() => claim.Withdraw(new ClaimWindow(November, 10), new DateOnly(2026, 12, 11), "institution.a", Now, null)));
        claim.Withdraw(new ClaimWindow(November, 10), new DateOnly(2026, 12, 10), "institution.a", Now, "改正后重报");
        Assert.Equal(ClaimStatus.Withdrawn, claim.Status);
        Assert.False(claim.IsStanding);
        Assert.Equal([ClaimActions.Submit, ClaimActions.Withdraw], claim.Events.Select(e => e.Action));
        Assert.Equal("改正后重报", claim.Events[^1].Reason);
    }

    [Fact]
    public void The_same_clerk_cannot_do_both_reviews()
    {
        var claim = NewClaim();
        claim.PassFirstReview("clerk.a", Now, null);
        Assert.Equal(ClaimCodes.SameReviewer, Refusal(() => claim.PassSecondReview("clerk.a", Now, null)));
        Assert.Equal(ClaimCodes.SameReviewer, Refusal(() => claim.Return([ClaimReturnCodes.ChargeNotReasonable], "x", "clerk.a", Now)));
        claim.PassSecondReview("clerk.b", Now, null);
        Assert.Equal(ClaimStatus.SecondReviewed, claim.Status);
        Assert.Equal(("clerk.a", "clerk.b"), (claim.FirstReviewedBy, claim.SecondReviewedBy));
    }

    [Fact]
    public void Above_the_threshold_approval_needs_a_second_person()
    {
        var claim = NewClaim(fund: 600m);
        claim.PassFirstReview("clerk.a", Now, null);
        claim.PassSecondReview("clerk.b", Now, null);
        Assert.False(claim.Approve(500m, "clerk.c", Now));
        Assert.Equal(ClaimStatus.SecondReviewed, claim.Status);
        Assert.Equal(ClaimCodes.SameApprover, Refusal(() => claim.Approve(500m, "clerk.c", Now)));
        Assert.True(claim.Approve(500m, "clerk.d", Now));
        Assert.Equal(ClaimStatus.Approved, claim.Status);

        var small = NewClaim(fund: 400m);
        small.PassFirstReview("clerk.a", Now, null);
        small.PassSecondReview("clerk.b", Now, null);
        Assert.True(small.Approve(500m, "clerk.b", Now));
    }

    [Fact]
    public void A_reviewer_cuts_a_line_only_down_and_with_a_reason_and_returns_with_catalogue_codes()
    {
        var claim = NewClaim();
        Assert.Equal(ClaimCodes.AdjustUp, Refusal(() => claim.Adjust(1, 200m, "多报", "clerk.a", Now)));
        Assert.Equal(ClaimCodes.ReasonRequired, Refusal(() => claim.Adjust(1, 50m, " ", "clerk.a", Now)));
        Assert.Equal(ClaimCodes.LineNotFound, Refusal(() => claim.Adjust(9, 50m, "多报", "clerk.a", Now)));
        claim.Adjust(1, 50m, "服务时长不足", "clerk.a", Now);
        Assert.Equal(50m, claim.Lines[0].Amount);
        Assert.Equal(110m, claim.Lines[0].ClaimedAmount);
        Assert.Equal(ClaimCodes.ReturnCodeRequired, Refusal(() => claim.Return(["made_up"], "x", "clerk.a", Now)));
        claim.Return([ClaimReturnCodes.SupportingDocumentsMissing], "缺服务记录", "clerk.a", Now);
        Assert.Equal(ClaimStatus.Returned, claim.Status);
        Assert.Equal([ClaimReturnCodes.SupportingDocumentsMissing], claim.ReturnCodes);
        Assert.Equal(ClaimCodes.WrongStatus, Refusal(() => claim.PassFirstReview("clerk.b", Now, null)));
    }

    [Fact]
    public void The_books_see_a_claim_a_recovery_and_a_payment_as_balanced_entries()
    {
        var claim = NewClaim();
        string Account(string code, string region) => code;
        var payable = ClaimPosting.Payable(claim, "康养院", "", new DateOnly(2026, 12, 5), Account)!;
        Assert.Equal(SourceDocumentType.Claim, payable.Source.Type);
        Assert.Equal(claim.Number, payable.Source.Reference);
        Assert.Equal(100m, payable.TotalDebits);
        Assert.Contains(payable.Postings, p => p.AccountCode == StandardChart.PayableToInstitutions && p.Side == Side.Credit && p.Amount == 100m);
        Assert.Contains(payable.Postings, p => p.AccountCode == "5101.03" && p.Side == Side.Debit);

        claim.PassFirstReview("a", Now, null);
        claim.PassSecondReview("b", Now, null);
        claim.Approve(null, "b", Now);
        claim.MarkPaid("c", Now);
        var line = claim.RecoverLine(1, "服务未提供", "a", Now);
        Assert.Equal(ClaimCodes.AlreadyRecovered, Refusal(() => claim.RecoverLine(1, "again", "a", Now)));
        var recovery = new ClaimRecovery { Amount = line.Fund, Reason = "服务未提供" };
        var reversal = ClaimPosting.Recovery(claim, line, recovery, "", new DateOnly(2026, 12, 20), Account);
        Assert.Contains(reversal.Postings, p => p.AccountCode == StandardChart.PayableToInstitutions && p.Side == Side.Debit && p.Amount == 100m);
        Assert.Null(ClaimPosting.Payment(new PaymentBatch { Number = "B1" }, [("", 0m)], new DateOnly(2026, 12, 20), Account));
    }

    [Property]
    public Property Sampling_is_repeatable_and_always_takes_the_large_claims(Guid id, PositiveInt amount, byte percent)
    {
        var sampling = new ClaimSampling(percent % 101, 1_000m, "seed-2026-11");
        var first = sampling.Picks(id, amount.Get);
        return (first == sampling.Picks(id, amount.Get)
                && (amount.Get < 1_000 || first)
                && (percent % 101 != 100 || first)
                && new ClaimSampling(0, null, "x").Picks(id, amount.Get) == false).ToProperty();
    }

    [Fact]
    public void Sampling_takes_about_the_asked_share()
    {
        var sampling = new ClaimSampling(10m, null, "seed");
        var picked = Enumerable.Range(0, 5000).Count(i => sampling.Picks(new Guid(i, 0, 0, new byte[8]), 1m));
        Assert.InRange(picked, 400, 600);
    }

    [Property]
    public Property Without_earlier_lines_a_claim_gets_exactly_the_engines_answer_and_never_more_than_billed(PositiveInt[] cents, NonNegativeInt earlier)
    {
        var amounts = cents.Take(20).Select(c => (c.Get % 100_000) / 100m).ToList();
        if (amounts.Count == 0)
            return true.ToProperty();
        var funds = amounts.Select(a => Money.Round(a * 0.7m)).ToList();
        var engine = new SettlementResult(amounts.Sum(), funds.Sum(), amounts.Sum() - funds.Sum(),
            [.. amounts.Select((a, i) => new SettlementLineResult(i, funds[i], a - funds[i], null))], []);
        var alone = ClaimSettlementMath.NewLines(engine, 0, 0m, amounts);
        var withEarlier = ClaimSettlementMath.NewLines(engine, 1, Math.Min(earlier.Get, 50) + funds[0], amounts.Skip(1).ToList());
        return (alone.Select(s => s.Fund).SequenceEqual(funds)
                && withEarlier.All(s => s.Fund >= 0 && s.Individual >= 0)
                && withEarlier.Sum(s => s.Fund) <= Math.Max(0, funds.Sum() - funds[0])).ToProperty();
    }
}
