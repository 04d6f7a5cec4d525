using LtcInsurance.Application.Assessment.LodgeObjection;
using LtcInsurance.Application.Benefits.ConfirmCarePlan;
using LtcInsurance.Application.Benefits.DraftCarePlan;
using LtcInsurance.Application.Benefits.EndEntitlement;
using LtcInsurance.Application.Benefits.GetPersonFile;
using LtcInsurance.Application.Benefits.ListExpiryReminders;
using LtcInsurance.Application.Benefits.PostAssessmentFee;
using LtcInsurance.Application.Benefits.RecordDischarge;
using LtcInsurance.Application.Benefits.RecordHospitalAdmission;
using LtcInsurance.Application.Benefits.RecordServiceChoice;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Application.Ledger.VerifyLedger;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Entitlement;
using EntitlementEndReasons = LtcInsurance.Domain.Benefits.EntitlementEndReasons;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Vocabulary;
using LtcInsurance.Integration.Tests.Assessment;
using LtcInsurance.Integration.Tests.Enrollment;
using LtcInsurance.Integration.Tests.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Integration.Tests.Benefits;

/// <summary>
/// Issue #12 items 7 and 8: from application to the first day of benefits in Yulin, Shishi and Zhenjiang — 派单 after a
/// qualifying conclusion (publicity ended, or a final 复评), the entitlement's dates by the engine's rules, the care plan
/// and its confirmation, hospital stays, the end of an entitlement, the person's file, and the assessment fee posted to the
/// ledger. The walks run in 2030 with test values set from 2030-01-01 (公示 7 calendar days, fees), so the other
/// assessment tests of this cluster, dated earlier, keep reading their own figures.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class EntitlementWalkTests(RegisterDatabase database)
{
    private static readonly DateOnly From2030 = new(2030, 1, 1);
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly HashSet<(string, string)> Set = [];

    [Fact]
    public async Task YL_二四5_objection_and_final_复评_then_派单_entitlement_from_service_start_care_plan_stay_and_fee_with_ceiling()
    {
        var desk = new AssessmentDesk(database, TenantIds.Yulin);
        await SetUpAsync(desk, (EntitlementParameters.AssessmentFee, "200.00"), (EntitlementParameters.AssessmentFeeFundShare, "0.7"));
        var person = await desk.EnrolledEmployeeAsync("韦待遇", "450902", new DateOnly(2027, 1, 1), 3000m);
        var home = await desk.InstitutionAsync("玉林颐养院", "450902", ServiceMode.Institution, ServiceMode.Home);

        var first = await desk.AgencyAsync("玉林初评中心");
        var (application, concluded) = await desk.ConcludeAsync(first, person, new DateOnly(2030, 3, 4), new DateOnly(2029, 6, 1),
            AssessmentDesk.National(0, [0, 0, 0, 0], [0, 0, 0]));
        Assert.Equal(("重度失能三级", (DateOnly?)new DateOnly(2030, 3, 12)), (concluded.LevelLabel, concluded.PublicityTo));

        await using (var clerk = desk.Clerk())
        {
            // during publicity: no 派单
            var early = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
                clerk.Send(new RecordServiceChoiceCommand(application, "institution", home, new DateOnly(2030, 3, 10), new DateOnly(2030, 3, 10))));
            Assert.Equal(BenefitCodes.PublicityRunning, early.Code);
            Assert.Contains("2030-03-12", early.Message, StringComparison.Ordinal);
        }

        Guid review;
        await using (var clerk = desk.Clerk())
            review = (await clerk.Send(new LodgeObjectionCommand(application, new DateOnly(2030, 3, 8), "家属认为评估偏重"))).ReviewApplicationId;
        var second = await desk.AgencyAsync("玉林复评中心");
        await desk.AssignAsync(review, second.Id, new DateOnly(2030, 3, 9), new DateOnly(2030, 3, 20));
        var reviewed = await desk.RecordAsync(second, review, new DateOnly(2030, 3, 11), [second.ExpertA, second.AssessorC],
            AssessmentDesk.National(0, [1, 1, 1, 0], [4, 4, 4]));
        await desk.ConfirmAsync(second.ExpertAUser, reviewed.AssessmentId, new DateOnly(2030, 3, 12));
        var final = await desk.ConfirmAsync(second.ExpertBUser, reviewed.AssessmentId, new DateOnly(2030, 3, 12));
        Assert.Equal("重度失能二级", final.LevelLabel);

        EntitlementRecorded entitlement;
        await using (var clerk = desk.Clerk())
        {
            // the objected first conclusion does not ground benefits; modes outside the city or the institution are refused
            var objected = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
                clerk.Send(new RecordServiceChoiceCommand(application, "institution", home, new DateOnly(2030, 3, 13), new DateOnly(2030, 3, 16))));
            Assert.Equal((BenefitCodes.NotConcluded, true), (objected.Code, objected.Message.Contains("复评", StringComparison.Ordinal)));
            var notInCity = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
                clerk.Send(new RecordServiceChoiceCommand(review, "medical_special", home, new DateOnly(2030, 3, 13), new DateOnly(2030, 3, 16))));
            Assert.Equal(BenefitCodes.ModeNotOffered, notInCity.Code);
            var notAdmitted = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
                clerk.Send(new RecordServiceChoiceCommand(review, "community", home, new DateOnly(2030, 3, 13), new DateOnly(2030, 3, 16))));
            Assert.Equal(BenefitCodes.InstitutionMode, notAdmitted.Code);

            // YL 二(四)5: after publicity (a final 复评 is not publicised again), from the day service starts
            entitlement = await clerk.Send(new RecordServiceChoiceCommand(review, "institution", home, new DateOnly(2030, 3, 13), new DateOnly(2030, 3, 16)));
            Assert.Equal((new DateOnly(2030, 3, 16), (DateOnly?)new DateOnly(2032, 3, 11)), (entitlement.From, entitlement.To));
            Assert.True(entitlement.WaitingUntil is null || entitlement.WaitingUntil < entitlement.From);
            var twice = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
                clerk.Send(new RecordServiceChoiceCommand(review, "institution", home, new DateOnly(2030, 3, 14), new DateOnly(2030, 3, 16))));
            Assert.Equal(BenefitCodes.EntitlementExists, twice.Code);

            var plan = await clerk.Send(new DraftCarePlanCommand(entitlement.EntitlementId, new DateOnly(2030, 3, 16), null,
                [new CarePlanItemInput("YL-C01", 3, FrequencyUnits.Week, 60), new CarePlanItemInput("YL-C02", 2, FrequencyUnits.Month, null)]));
            await using (var db = database.App(TenantIds.Yulin))
                Assert.False((await db.Set<CarePlan>().SingleAsync(p => p.Id == plan.CarePlanId)).CountsServiceOn(new DateOnly(2030, 3, 17)));
            await clerk.Send(new ConfirmCarePlanCommand(plan.CarePlanId, new DateOnly(2030, 3, 18)));
            var again = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
                clerk.Send(new ConfirmCarePlanCommand(plan.CarePlanId, new DateOnly(2030, 3, 19))));
            Assert.Equal(BenefitCodes.CarePlanConfirmed, again.Code);

            var stay = await clerk.Send(new RecordHospitalAdmissionCommand(new PersonId(person.Id), new DateOnly(2030, 4, 1), "玉林市第一人民医院"));
            var open = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
                clerk.Send(new RecordHospitalAdmissionCommand(new PersonId(person.Id), new DateOnly(2030, 4, 3), "玉林市中医医院")));
            Assert.Equal(BenefitCodes.StayOpen, open.Code);
            var early = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
                clerk.Send(new RecordDischargeCommand(stay.StayId, new DateOnly(2030, 3, 30))));
            Assert.Equal(BenefitCodes.DischargeBeforeAdmission, early.Code);
            await clerk.Send(new RecordDischargeCommand(stay.StayId, new DateOnly(2030, 4, 5)));

            // item 8: 200 yuan, the fund 70 % (test values), counted in Yulin's binding 5 % ceiling (YL 三(六))
            await PostFundingAsync(clerk, new DateOnly(2030, 1, 15), 10_000m, "yl-2030");
            await PostFundingAsync(clerk, new DateOnly(2031, 1, 15), 1_000m, "yl-2031");
            var beyond = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
                clerk.Send(new PostAssessmentFeeCommand(review, new DateOnly(2031, 2, 1))));
            Assert.Equal(BenefitCodes.FeeCeiling, beyond.Code);
            Assert.Contains("YL 三(六)", beyond.Message, StringComparison.Ordinal);
            var fee = await clerk.Send(new PostAssessmentFeeCommand(review, new DateOnly(2030, 3, 20)));
            Assert.Equal((200m, 140m, 60m, false, (decimal?)360m), (fee.Fee, fee.FundPays, fee.PersonPays, fee.AlreadyPosted, fee.CeilingRemaining));
            var repeat = await clerk.Send(new PostAssessmentFeeCommand(review, new DateOnly(2030, 3, 21)));
            Assert.Equal((true, fee.JournalSequence), (repeat.AlreadyPosted, repeat.JournalSequence));
        }

        await using (var db = database.App(TenantIds.Yulin))
        {
            var entry = await db.Set<JournalEntryRecord>().SingleAsync(e => e.IdempotencyKey == $"assessment-fee:{review:N}");
            var postings = await db.Set<JournalPostingRecord>().Where(p => p.Sequence == entry.Sequence).ToListAsync();
            Assert.Equal(2, postings.Count);
            Assert.Contains(postings, p => p.AccountCode == StandardChart.AssessmentFees && p.Side == "D" && p.Amount == 140m);
            Assert.Contains(postings, p => p.AccountCode == StandardChart.PayableToAssessors && p.Side == "C" && p.Amount == 140m);
            var stored = await db.Set<BenefitEntitlement>().SingleAsync(e => e.Id == entitlement.EntitlementId);
            Assert.Equal((review, 4, "institution", (Guid?)home), (stored.ApplicationId, stored.Level, stored.ServiceMode, stored.InstitutionId));
            Assert.Contains("benefit_start", stored.Trace, StringComparison.Ordinal);
            Assert.Contains("YL 二(四)5", stored.Trace, StringComparison.Ordinal);
        }

        await using (var auditor = database.Host(TenantIds.Yulin, Roles.Auditor))
            Assert.True((await auditor.Send(new VerifyLedgerQuery())).IsIntact);

        await using (var clerk = desk.Clerk())
        {
            var file = await clerk.Send(new GetPersonFileQuery(new PersonId(person.Id)));
            Assert.Equal(file.Timeline.OrderBy(e => e.Date).Select(e => e.Date), file.Timeline.Select(e => e.Date));
            var kinds = file.Timeline.Select(e => e.Kind).ToList();
            foreach (var kind in new[] { "application", "assessment", "conclusion", "publicity", "objection", "entitlement", "care_plan", "care_plan_confirmed", "admission", "discharge" })
                Assert.Contains(kind, kinds);
            Assert.Contains(file.Timeline, e => e.Kind == "conclusion" && e.Title.Contains("重度失能二级", StringComparison.Ordinal));
            var view = Assert.Single(file.Entitlements);
            Assert.Equal(("重度失能二级", "机构护理", "玉林颐养院"), (view.LevelLabel, view.ServiceModeName, view.InstitutionName));
            Assert.Equal((DateOnly?)new DateOnly(2030, 3, 18), Assert.Single(view.CarePlans).ConfirmedOn);
            Assert.Empty(file.Qualifying);
        }
    }

    [Fact]
    public async Task SS_二五_barthel_severe_派单_after_publicity_from_the_day_after_it_ends_and_refusals()
    {
        var desk = new AssessmentDesk(database, TenantIds.Shishi);
        await SetUpAsync(desk, (CommonParameters.BenefitStartRule, CommonParameters.StartDayAfterPublicity), (CommonParameters.BarthelBenefitBands, "severe"),
            (EntitlementParameters.OtherConclusionValidityMonths, "24"));
        InsuredPerson person;
        await using (var db = database.App(TenantIds.Shishi))
        {
            person = await RegisterDatabase.AddPersonAsync(db, "林待遇", "350581", new DateOnly(1948, 2, 2), statuses: PersonStatus.Dibao);
            var decision = await database.Enrollment(db).EnrollAsync(new EnrollRequest(person.Id, new DateOnly(2029, 1, 1)));
            Assert.True(decision.Enrolled, decision.Message);
        }

        var home = await desk.InstitutionAsync("石狮居家护理站", "350581", ServiceMode.Home);
        var agency = await desk.AgencyAsync("石狮评估中心");
        var barthel = new Dictionary<string, int>
        {
            ["feeding"] = 0, ["bathing"] = 0, ["grooming"] = 0, ["dressing"] = 0, ["bowels"] = 5, ["bladder"] = 5, ["toilet"] = 0,
            ["transfer"] = 5, ["mobility"] = 0, ["stairs"] = 0,
        };
        var (application, concluded) = await desk.ConcludeAsync(agency, person, new DateOnly(2030, 5, 6), new DateOnly(2029, 9, 1), barthel);
        Assert.Equal((DateOnly?)new DateOnly(2030, 5, 14), concluded.PublicityTo);

        await using var clerk = desk.Clerk();
        var lastDay = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            clerk.Send(new RecordServiceChoiceCommand(application, "home", home, new DateOnly(2030, 5, 14))));
        Assert.Equal(BenefitCodes.PublicityRunning, lastDay.Code);
        var unknown = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            clerk.Send(new RecordServiceChoiceCommand(application, "home", Guid.NewGuid(), new DateOnly(2030, 5, 15))));
        Assert.Equal(BenefitCodes.InstitutionNotFound, unknown.Code);

        var entitlement = await clerk.Send(new RecordServiceChoiceCommand(application, "home", home, new DateOnly(2030, 5, 20)));
        Assert.Equal((new DateOnly(2030, 5, 15), (DateOnly?)new DateOnly(2032, 5, 7), (DateOnly?)null),
            (entitlement.From, entitlement.To, entitlement.WaitingUntil));

        // the insured loses the insurance from 1 July: the entitlement ends the day before (the engine's end rule)
        var ended = await clerk.Send(new EndEntitlementCommand(entitlement.EntitlementId, EntitlementEndReasons.InsuranceLost, new DateOnly(2030, 7, 1)));
        Assert.Equal(new DateOnly(2030, 6, 30), ended.LastDay);
        var endedTwice = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            clerk.Send(new EndEntitlementCommand(entitlement.EntitlementId, EntitlementEndReasons.Death, new DateOnly(2030, 7, 2))));
        Assert.Equal(BenefitCodes.EntitlementEnded, endedTwice.Code);
        var plan = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            clerk.Send(new DraftCarePlanCommand(entitlement.EntitlementId, new DateOnly(2030, 7, 5), null, [new CarePlanItemInput("SS-H01", 2, FrequencyUnits.Week, 45)])));
        Assert.Equal(BenefitCodes.CarePlanOutside, plan.Code);
    }

    [Fact]
    public async Task ZJ_二五1_benefits_start_the_day_after_the_conclusion_death_ends_them_and_an_unset_fee_posts_nothing()
    {
        var desk = new AssessmentDesk(database, TenantIds.Zhenjiang);
        await SetUpAsync(desk);
        var person = await desk.EnrolledEmployeeAsync("赵待遇", "321102", new DateOnly(2024, 1, 1));
        var home = await desk.InstitutionAsync("镇江康复护理院", "321102", ServiceMode.Institution, ServiceMode.Home);
        var agency = await desk.AgencyAsync("镇江评估中心");
        var (application, _) = await desk.ConcludeAsync(agency, person, new DateOnly(2030, 9, 2), new DateOnly(2029, 6, 1),
            AssessmentDesk.National(0, [1, 1, 1, 0], [4, 4, 4]));

        await using var clerk = desk.Clerk();
        var entitlement = await clerk.Send(new RecordServiceChoiceCommand(application, "home", home, new DateOnly(2030, 9, 12)));
        Assert.Equal((new DateOnly(2030, 9, 5), (DateOnly?)new DateOnly(2032, 9, 3)), (entitlement.From, entitlement.To));

        var reminders = await clerk.Send(new ListExpiryRemindersQuery(new DateOnly(2032, 8, 20)));
        var reminder = Assert.Single(reminders, r => r.PersonId == person.Id);
        Assert.Equal(((DateOnly?)new DateOnly(2032, 9, 3), (Guid?)entitlement.EntitlementId), (reminder.ValidTo, reminder.EntitlementId));
        Assert.DoesNotContain(await clerk.Send(new ListExpiryRemindersQuery(new DateOnly(2031, 9, 1))), r => r.PersonId == person.Id);

        var died = await clerk.Send(new EndEntitlementCommand(entitlement.EntitlementId, EntitlementEndReasons.Death, new DateOnly(2031, 2, 10)));
        Assert.Equal(new DateOnly(2031, 2, 10), died.LastDay);

        var missing = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            clerk.Send(new PostAssessmentFeeCommand(application, new DateOnly(2030, 9, 20))));
        Assert.Equal(ErrorCodes.ParameterMissing, missing.Code);
        await using var db = database.App(TenantIds.Zhenjiang);
        Assert.False(await db.Set<JournalEntryRecord>().AnyAsync(e => e.IdempotencyKey == $"assessment-fee:{application:N}"));
        var stored = await db.Set<BenefitEntitlement>().SingleAsync(e => e.Id == entitlement.EntitlementId);
        Assert.Equal(((DateOnly?)new DateOnly(2031, 2, 10), EntitlementEndReasons.Death), (stored.To, stored.EndReason));
        Assert.True(stored.Covers(new DateOnly(2031, 2, 10)));
        Assert.False(stored.Covers(new DateOnly(2031, 2, 11)));
    }

    /// <summary>Completion period, 公示 of 7 calendar days from 2030 and the given figures, once per cluster and tenant.</summary>
    private async Task SetUpAsync(AssessmentDesk desk, params (string Name, string Value)[] figures)
    {
        await desk.SetCompletionPeriodAsync();
        await Once.WaitAsync();
        try
        {
            if (!Set.Add((database.Server.AppConnectionString, desk.Tenant)))
                return;
            var admins = new ParameterAdmins(database.Server.AppConnectionString, desk.Tenant);
            await admins.SetAsync(EntitlementParameters.PublicityDays, "7", From2030);
            await admins.SetAsync(EntitlementParameters.PublicityDayCounting, EntitlementParameters.CalendarDays, From2030);
            foreach (var (name, value) in figures)
                await admins.SetAsync(name, value, From2030);
            if (desk.Tenant == TenantIds.Zhenjiang)
                await admins.SetAsync(EntitlementParameters.ExpiryReminderDays, "30", From2030);
        }
        finally
        {
            Once.Release();
        }
    }

    /// <summary>A year's contribution income in the books (the ceiling's base): Dr 1001 / Cr 4101.01.</summary>
    private static async Task PostFundingAsync(UseCaseHost host, DateOnly on, decimal amount, string key)
    {
        var ledger = host.Services.GetRequiredService<ILedgerPostingService>();
        await ledger.PostAsync(new EntryDraft(on, "测试：当年筹资收入", new SourceDocument(SourceDocumentType.Bill, "test-funding-" + key),
            "test-funding-" + key, [Posting.Debit(StandardChart.FundSpecialAccount, amount), Posting.Credit(StandardChart.ContributionIncome(Payer.Individual), amount)]));
    }
}
