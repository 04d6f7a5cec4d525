using LtcInsurance.Application.Claims;
using LtcInsurance.Application.Claims.ApproveClaim;
using LtcInsurance.Application.Claims.CreatePaymentBatch;
using LtcInsurance.Application.Claims.FirstReview;
using LtcInsurance.Application.Claims.GetBenefitStatement;
using LtcInsurance.Application.Claims.GetClaim;
using LtcInsurance.Application.Claims.GetProviderStatement;
using LtcInsurance.Application.Claims.ListClaims;
using LtcInsurance.Application.Claims.PayBatch;
using LtcInsurance.Application.Claims.RecordRecovery;
using LtcInsurance.Application.Claims.SecondReview;
using LtcInsurance.Application.Claims.SubmitClaim;
using LtcInsurance.Application.Claims.WithdrawClaim;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Ledger.GetTrialBalance;
using LtcInsurance.Application.Ledger.VerifyLedger;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Enrollment;
using LtcInsurance.Integration.Tests.Policies;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Integration.Tests.Claims;

/// <summary>
/// Monthly claims end to end (issue #13, items 3–8), through the use cases as the portal and the API will send them:
/// submission with every problem at once, the window, the engine's settlement line by line (the amounts equal
/// <see cref="PolicyCalculator.Evaluate"/> of a settlement case with the same lines), the four steps with separation of
/// duties, the ledger after approval, payment and 过误.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class ClaimsFlowTests(RegisterDatabase database)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 9, 0, 0, Beijing);

    private static async Task<string> Refused(Func<Task> act) => (await Assert.ThrowsAsync<BusinessRuleViolationException>(act)).Code;

    private static async Task<SettlementResult> EngineAsync(ClockedHost host, string tenant, Month month, Beneficiary beneficiary, ServiceMode mode,
        int? providerLevel, IReadOnlyList<ServiceLine> lines, IReadOnlyList<HospitalStay> stays)
    {
        var calculator = await host.Services.GetRequiredService<IPolicyEngine>().ForTenantAsync(tenant);
        var evaluation = calculator.Evaluate(new PolicyCase(CaseKinds.Settlement, tenant, month.LastDay,
            new SettlementInput(month, beneficiary, mode, providerLevel, lines, stays), new Dictionary<string, object?>()));
        return (SettlementResult)evaluation.Result;
    }

    private static void SameAsEngine(SettlementResult expected, ClaimView claim)
    {
        Assert.Equal(expected.Lines.Count, claim.Lines.Count);
        for (var i = 0; i < expected.Lines.Count; i++)
        {
            var line = claim.Lines[i];
            Assert.Equal((expected.Lines[i].Fund, expected.Lines[i].Individual, expected.Lines[i].Rejected), (line.Fund, line.Individual, line.Rejection));
        }

        Assert.Equal(expected.FundPays, claim.Fund);
        Assert.Equal(expected.IndividualPays, claim.Individual);
    }

    private static async Task LedgerIsSoundAsync(ClaimsDesk desk)
    {
        await using var auditor = desk.Auditor();
        var verified = await auditor.Send(new VerifyLedgerQuery());
        Assert.True(verified.IsIntact);
        Assert.Equal(verified.TotalDebits, verified.TotalCredits);
        var trial = await auditor.Send(new GetTrialBalanceQuery());
        Assert.True(trial.IsBalanced);
    }

    [Fact]
    public async Task A_Yulin_institution_claims_a_month_with_a_hospital_stay_bed_and_meal_and_a_beneficiary_reaches_the_yearly_ceiling()
    {
        var (_, app) = await database.FreshYulinDatabaseAsync("claims");
        var desk = new ClaimsDesk(app, TenantIds.Yulin, new FixedClock(At(2027, 2, 3)));
        await desk.SetClaimParametersAsync(100_000m);
        // test value: a low per-capita income so that the yearly ceiling (50 %) is 1,500 yuan and the second month reaches it
        await new ParameterAdmins(app, TenantIds.Yulin).SetAsync("previousYearDisposableIncomePerCapita", "3000", new DateOnly(2020, 1, 1));
        var provider = await desk.InstitutionAsync("玉林测试护理院", "450902", ["institution"], null);
        var person = await desk.PersonAsync("林护理", "450902");
        await desk.EntitleAsync(person, provider, 5, "institution", new DateOnly(2027, 1, 1), "YL-C01");
        await desk.HospitalStayAsync(person, new DateOnly(2027, 1, 10), new DateOnly(2027, 1, 14));
        await desk.CatalogueAsync(("YL-C01", LineCategories.Care, 80m, null), ("YL-BED", LineCategories.Bed, 30m, null), ("YL-MEAL", LineCategories.Meal, 20m, null));

        var january = new Month(2027, 1);
        var lines = Enumerable.Range(1, 31).SelectMany(d => new[]
        {
            new ClaimLineInput(3 * d - 2, person.IdNumber.Value, new DateOnly(2027, 1, d), "YL-C01", 1m, 80m),
            new ClaimLineInput(3 * d - 1, person.IdNumber.Value, new DateOnly(2027, 1, d), "YL-BED", 1m, 30m),
            new ClaimLineInput(3 * d, person.IdNumber.Value, new DateOnly(2027, 1, d), "YL-MEAL", 1m, 20m),
        }).ToList();
        ClaimSubmission submitted;
        await using (var institution = desk.Provider(provider.Code))
            submitted = await institution.Send(new SubmitClaimCommand(provider.Code, january.ToString(), lines, "yl-2027-01"));
        Assert.True(submitted.Accepted, string.Join("; ", submitted.Problems.Select(p => $"{p.LineNo} {p.Code}")));
        // days 11–14 are in hospital (from the day after admission to discharge): kept, cut, and said so line by line
        Assert.Equal(Enumerable.Range(31, 12).Select(n => n).ToList(), submitted.Problems.Select(p => p.LineNo).Order().ToList());
        Assert.All(submitted.Problems, p => Assert.Equal(ClaimReturnCodes.DuringHospitalStay, p.Code));

        await using var clerkA = desk.Clerk("clerk.a");
        await using var clerkB = desk.Clerk("clerk.b");
        var claimId = submitted.ClaimId!.Value;
        var expected = await EngineAsync(clerkA, TenantIds.Yulin, january, new Beneficiary(5, new DateOnly(2027, 1, 1), null, 0m), ServiceMode.Institution,
            null, [.. lines.Select(l => new ServiceLine(l.Day, l.ItemCode == "YL-C01" ? LineCategories.Care : l.ItemCode == "YL-BED" ? LineCategories.Bed : LineCategories.Meal, l.ItemCode, l.Amount))],
            [new HospitalStay(new DateOnly(2027, 1, 10), new DateOnly(2027, 1, 14))]);
        var view = await clerkA.Send(new GetClaimQuery(claimId));
        SameAsEngine(expected, view);
        Assert.Equal(27 * 45m, view.Fund); // level 5 (重度失能三级) 45 yuan a bed-day, bed and meal not paid, 4 days in hospital
        Assert.Contains(view.Lines, l => l.Category == LineCategories.Bed && l.Rejection == RejectionReasons.NotCoveredCategory);

        await clerkA.Send(new FirstReviewCommand(claimId, ReviewDecisions.Pass));
        Assert.Equal(ClaimCodes.SameReviewer, await Refused(() => clerkA.Send(new SecondReviewCommand(claimId, ReviewDecisions.Pass))));
        await clerkB.Send(new SecondReviewCommand(claimId, ReviewDecisions.Pass));
        var approved = await clerkB.Send(new ApproveClaimCommand(claimId));
        Assert.Equal(ClaimStatus.Approved, approved.Status);
        Assert.NotNull(approved.JournalSequence);
        Assert.Equal(-1215m, await desk.BalanceAsync(StandardChart.PayableToInstitutions));
        await LedgerIsSoundAsync(desk);

        desk.Clock.Now = At(2027, 2, 20);
        var batch = await clerkA.Send(new CreatePaymentBatchCommand(january.ToString()));
        Assert.Equal(1215m, batch.Net);
        var paid = await clerkA.Send(new PayBatchCommand(batch.Id, new DateOnly(2027, 2, 20)));
        Assert.Equal(PaymentBatch.PaidStatus, paid.Status);
        Assert.Equal(0m, await desk.BalanceAsync(StandardChart.PayableToInstitutions));
        await LedgerIsSoundAsync(desk);

        // February: the year's fund so far (1,215) leaves 285 under the ceiling
        desk.Clock.Now = At(2027, 3, 2);
        var february = new Month(2027, 2);
        var febLines = Enumerable.Range(1, 28).Select(d => new ClaimLineInput(d, person.IdNumber.Value, new DateOnly(2027, 2, d), "YL-C01", 1m, 80m)).ToList();
        ClaimSubmission second;
        await using (var institution = desk.Provider(provider.Code))
            second = await institution.Send(new SubmitClaimCommand(provider.Code, february.ToString(), febLines, "yl-2027-02"));
        Assert.True(second.Accepted);
        var febExpected = await EngineAsync(clerkA, TenantIds.Yulin, february, new Beneficiary(5, new DateOnly(2027, 1, 1), null, 1215m), ServiceMode.Institution,
            null, [.. febLines.Select(l => new ServiceLine(l.Day, LineCategories.Care, l.ItemCode, l.Amount))],
            [new HospitalStay(new DateOnly(2027, 1, 10), new DateOnly(2027, 1, 14))]);
        var febView = await clerkA.Send(new GetClaimQuery(second.ClaimId!.Value));
        SameAsEngine(febExpected, febView);
        Assert.Equal(285m, febView.Fund);
        Assert.Contains("annual_cap", febView.Settlements.Single().Reductions, StringComparison.Ordinal);
        Assert.Contains(febView.Lines, l => l.CutReasons.Any(r => r.Contains("年度基金支付上限", StringComparison.Ordinal)));

        await clerkA.Send(new FirstReviewCommand(febView.Id, ReviewDecisions.Pass));
        await clerkB.Send(new SecondReviewCommand(febView.Id, ReviewDecisions.Pass));

        // two clerks approve at the same moment: exactly one wins, the payable is booked once
        await using var clerkC = desk.Clerk("clerk.c");
        await using var clerkD = desk.Clerk("clerk.d");
        var outcomes = await Task.WhenAll(
            Attempt(() => clerkC.Send(new ApproveClaimCommand(febView.Id))),
            Attempt(() => clerkD.Send(new ApproveClaimCommand(febView.Id))));
        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o is ClaimCodes.Concurrent or ClaimCodes.WrongStatus);
        Assert.Equal(-285m, await desk.BalanceAsync(StandardChart.PayableToInstitutions));

        // 过误: January's first line was not provided; its fund (45) is taken back and deducted from the next payment
        var recovery = await clerkA.Send(new RecordRecoveryCommand(claimId, 1, "核查发现当日未提供服务"));
        Assert.Equal(45m, recovery.Amount);
        Assert.Equal(ClaimCodes.AlreadyRecovered, await Refused(() => clerkA.Send(new RecordRecoveryCommand(claimId, 1, "again"))));
        Assert.Equal(-240m, await desk.BalanceAsync(StandardChart.PayableToInstitutions));
        await LedgerIsSoundAsync(desk);

        var next = await clerkA.Send(new CreatePaymentBatchCommand());
        Assert.Equal((285m, 45m, 240m), (next.Gross, next.Deducted, next.Net));
        await clerkA.Send(new PayBatchCommand(next.Id, new DateOnly(2027, 3, 2)));
        Assert.Equal(0m, await desk.BalanceAsync(StandardChart.PayableToInstitutions));
        Assert.Equal(-(1215m + 240m), await desk.BalanceAsync(StandardChart.FundSpecialAccount));
        await LedgerIsSoundAsync(desk);

        var statement = await clerkA.Send(new GetProviderStatementQuery(provider.Code, january.ToString()));
        Assert.Equal(93, statement.Lines.Count);
        Assert.Equal(1215m, statement.Fund);
        Assert.Equal(45m, statement.Recovered);
        Assert.Contains(statement.Lines[0].CutReasons, r => r.StartsWith("过误追回", StringComparison.Ordinal));
        Assert.Equal(statement.Billed - statement.Fund, statement.ToCollect.Single().Individual);
        var benefit = await clerkA.Send(new GetBenefitStatementQuery(person.Id, february.ToString()));
        Assert.Equal(285m, benefit.Fund);
        Assert.Equal(1215m - 45m + 285m, benefit.YearFundPaid);
    }

    private static async Task<string?> Attempt(Func<Task> act)
    {
        try
        {
            await act();
            return null;
        }
        catch (BusinessRuleViolationException e)
        {
            return e.Code;
        }
    }

    [Fact]
    public async Task A_Jining_level_2_hospital_claims_medical_special_care_within_the_window_and_two_people_approve_a_large_claim()
    {
        var desk = new ClaimsDesk(database.Server.AppConnectionString, TenantIds.Jining, new FixedClock(At(2027, 2, 3)));
        await desk.SetClaimParametersAsync(1_000m);
        var hospital = await desk.InstitutionAsync("济宁测试二级医院", "370881", ["medical_special"], 2);
        var other = await desk.InstitutionAsync("济宁测试护理中心", "370811", ["institution"], null);
        var person = await desk.PersonAsync("孔专护", "370881");
        await desk.EntitleAsync(person, hospital, 3, "medical_special", new DateOnly(2027, 1, 1), "JN-MC01");
        await desk.CatalogueAsync(("JN-MC01", LineCategories.MedicalCare, 200m, null));
        var january = new Month(2027, 1);
        var lines = Enumerable.Range(1, 10).Select(d => new ClaimLineInput(d, person.IdNumber.Value, new DateOnly(2027, 1, d), "JN-MC01", 1m, 200m)).ToList();

        await using var institution = desk.Provider(hospital.Code);
        // every problem at once, nothing stored
        var bad = await institution.Send(new SubmitClaimCommand(hospital.Code, january.ToString(),
            [.. lines, new ClaimLineInput(11, person.IdNumber.Value, new DateOnly(2027, 2, 1), "NOPE", 1m, 10m),
             new ClaimLineInput(12, person.IdNumber.Value, new DateOnly(2027, 1, 1), "JN-MC01", 1m, 200m)], "jn-bad"));
        Assert.False(bad.Accepted);
        Assert.Null(bad.ClaimId);
        Assert.Contains(bad.Problems, p => p is { LineNo: 11, Code: ClaimReturnCodes.DayOutsideMonth });
        Assert.Contains(bad.Problems, p => p is { LineNo: 11, Code: ClaimReturnCodes.UnknownItem });
        Assert.Contains(bad.Problems, p => p is { LineNo: 12, Code: ClaimReturnCodes.DuplicateLine });
        Assert.Equal(0, (await institution.Send(new ListClaimsQuery(0, 10))).Total);

        // another provider may not claim for this one
        await using (var stranger = desk.Provider(other.Code))
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => stranger.Send(new SubmitClaimCommand(hospital.Code, january.ToString(), lines, "x")));

        var first = await institution.Send(new SubmitClaimCommand(hospital.Code, january.ToString(), lines, "jn-1"));
        Assert.True(first.Accepted);
        var again = await institution.Send(new SubmitClaimCommand(hospital.Code, january.ToString(), lines, "jn-1"));
        Assert.True(again.AlreadySubmitted);
        Assert.Equal(first.ClaimId, again.ClaimId);
        Assert.Equal(ClaimCodes.KeyReused, await Refused(() => institution.Send(new SubmitClaimCommand(hospital.Code, january.ToString(), [.. lines.Take(5)], "jn-1"))));
        Assert.Equal(ClaimCodes.AlreadyClaimed, await Refused(() => institution.Send(new SubmitClaimCommand(hospital.Code, january.ToString(), lines, "jn-2"))));
        await institution.Send(new WithdrawClaimCommand(first.ClaimId!.Value, "更正"));
        var resubmitted = await institution.Send(new SubmitClaimCommand(hospital.Code, january.ToString(), lines, "jn-2"));
        Assert.True(resubmitted.Accepted);
        var claimId = resubmitted.ClaimId!.Value;

        desk.Clock.Now = At(2027, 2, 11);
        Assert.Equal(ClaimCodes.WindowClosed, await Refused(() => institution.Send(new WithdrawClaimCommand(claimId, null))));
        Assert.True((await institution.Send(new GetClaimQuery(claimId))).Frozen);
        await using (var stranger = desk.Provider(other.Code))
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => stranger.Send(new GetClaimQuery(claimId)));

        await using var clerkA = desk.Clerk("clerk.jn.a");
        await using var clerkB = desk.Clerk("clerk.jn.b");
        await using var clerkC = desk.Clerk("clerk.jn.c");
        var expected = await EngineAsync(clerkA, TenantIds.Jining, january, new Beneficiary(3, new DateOnly(2027, 1, 1), null, 0m), ServiceMode.MedicalSpecial,
            2, [.. lines.Select(l => new ServiceLine(l.Day, LineCategories.MedicalCare, l.ItemCode, l.Amount))], []);
        var view = await clerkA.Send(new GetClaimQuery(claimId));
        SameAsEngine(expected, view);
        Assert.Equal(1300m, view.Fund); // 65 % at a level-2 hospital (JN 三(二))

        // 初审 cuts one line with a reason: settled again, still the engine's answer for the kept amounts
        await clerkA.Send(new FirstReviewCommand(claimId, ReviewDecisions.Pass, [new LineAdjustment(10, 100m, "护理记录仅半日")]));
        var cut = await clerkA.Send(new GetClaimQuery(claimId));
        var cutExpected = await EngineAsync(clerkA, TenantIds.Jining, january, new Beneficiary(3, new DateOnly(2027, 1, 1), null, 0m), ServiceMode.MedicalSpecial,
            2, [.. lines.Select(l => new ServiceLine(l.Day, LineCategories.MedicalCare, l.ItemCode, l.LineNo == 10 ? 100m : l.Amount))], []);
        SameAsEngine(cutExpected, cut);
        Assert.Contains(cut.Lines[9].CutReasons, r => r.Contains("护理记录仅半日", StringComparison.Ordinal));

        Assert.Equal(ClaimCodes.SameReviewer, await Refused(() => clerkA.Send(new SecondReviewCommand(claimId, ReviewDecisions.Pass))));
        await clerkB.Send(new SecondReviewCommand(claimId, ReviewDecisions.Pass));
        var half = await clerkB.Send(new ApproveClaimCommand(claimId));
        Assert.Equal(ClaimStatus.SecondReviewed, half.Status); // 1,235 yuan is above the 1,000 threshold: a second person must approve
        Assert.Null(half.JournalSequence);
        Assert.Equal(ClaimCodes.SameApprover, await Refused(() => clerkB.Send(new ApproveClaimCommand(claimId))));
        var done = await clerkC.Send(new ApproveClaimCommand(claimId));
        Assert.Equal(ClaimStatus.Approved, done.Status);
        Assert.NotNull(done.JournalSequence);
        Assert.Equal(-cut.Fund, await desk.BalanceAsync(StandardChart.PayableToInstitutions));
        await LedgerIsSoundAsync(desk);

        var history = (await clerkA.Send(new GetClaimQuery(claimId))).Events;
        Assert.Equal([ClaimActions.Submit, ClaimActions.Adjust, ClaimActions.FirstReview, ClaimActions.SecondReview, ClaimActions.FirstApproval, ClaimActions.Approve],
            history.Select(e => e.Action).Where(a => a != ClaimActions.Resettle));
        Assert.Equal(["institution." + hospital.Code, "clerk.jn.a", "clerk.jn.a", "clerk.jn.b", "clerk.jn.b", "clerk.jn.c"],
            history.Where(e => e.Action != ClaimActions.Resettle).Select(e => e.By));
    }
}
