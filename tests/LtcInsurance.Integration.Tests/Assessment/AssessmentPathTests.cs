using LtcInsurance.Application.Assessment.ListApplications;
using LtcInsurance.Application.Assessment.RegisterApplication;
using LtcInsurance.Application.Assessment.WithdrawLapsedApplications;
using LtcInsurance.Application.Enrollment.AddStatus;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Vocabulary;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Assessment;

/// <summary>
/// Issue #12 items 1, 3, 4: application and acceptance, agencies and assessors, on-site assessment to a conclusion confirmed
/// by two experts. Names carry the clause each test checks (29号 = 医保发〔2023〕29号, 22号 = 医保办发〔2024〕22号).
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class AssessmentPathTests(RegisterDatabase database)
{
    [Fact]
    public async Task ZJ_二四_29号_Zhenjiang_application_walks_to_a_conclusion_confirmed_by_two_experts_重度失能三级()
    {
        var desk = new AssessmentDesk(database, TenantIds.Zhenjiang);
        await desk.SetCompletionPeriodAsync();
        var person = await desk.EnrolledEmployeeAsync("赵失能", "321102", new DateOnly(2024, 1, 1));

        // a family member applies on Monday 2026-03-02 without the authorisation
        Guid application;
        await using (var clerk = desk.Clerk())
        {
            var registered = await clerk.Send(new RegisterApplicationCommand(new PersonId(person.Id), ApplicantKinds.Family, "赵女儿",
                new DateOnly(2026, 3, 2), [ApplicationDocuments.IdCard], new DateOnly(2025, 6, 1)));
            application = registered.ApplicationId;
            Assert.Equal(new DateOnly(2026, 3, 9), registered.AcceptanceDueOn); // 22号: 5 working days, Monday to Monday
            Assert.Equal(new DateOnly(2026, 4, 1), registered.CompleteBy);
        }

        var incomplete = await desk.DecideAsync(application, new DateOnly(2026, 3, 3));
        Assert.Equal(AcceptanceDecision.Incomplete, incomplete.Outcome);
        Assert.Equal(new[] { ApplicationDocuments.MedicalRecords, ApplicationDocuments.AgentAuthorization }, incomplete.MissingDocuments);
        Assert.Contains("近期病历", incomplete.Message, StringComparison.Ordinal);
        Assert.Contains("委托书", incomplete.Message, StringComparison.Ordinal);

        await desk.AddDocumentsAsync(application, ApplicationDocuments.MedicalRecords, ApplicationDocuments.AgentAuthorization);
        var accepted = await desk.DecideAsync(application, new DateOnly(2026, 3, 5));
        Assert.Equal(AcceptanceDecision.Accept, accepted.Outcome);

        var agency = await desk.AgencyAsync("镇江第三方评估中心");
        Assert.Equal(new DateOnly(2026, 3, 24), await desk.AssignAsync(application, agency.Id, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 24)));
        var recorded = await desk.RecordAsync(agency, application, new DateOnly(2026, 3, 12), [agency.ExpertA, agency.AssessorC],
            AssessmentDesk.National(0, [0, 0, 0, 0], [0, 0, 0]));
        Assert.Equal((5, "重度失能三级", true), (recorded.Level, recorded.LevelLabel, recorded.EligibleForBenefit));
        Assert.Contains("assessment_scoring", recorded.TraceJson, StringComparison.Ordinal);

        var first = await desk.ConfirmAsync(agency.ExpertAUser, recorded.AssessmentId, new DateOnly(2026, 3, 13));
        Assert.False(first.Concluded);
        var second = await desk.ConfirmAsync(agency.ExpertBUser, recorded.AssessmentId, new DateOnly(2026, 3, 13));
        Assert.Equal((true, 5, "重度失能三级", (DateOnly?)new DateOnly(2026, 3, 13)), (second.Concluded, second.Level, second.LevelLabel, second.ConcludedOn));

        await using var db = database.App(TenantIds.Zhenjiang);
        var stored = await db.Set<AssessmentApplication>().SingleAsync(a => a.Id == application);
        Assert.Equal((ApplicationStatuses.Concluded, (DateOnly?)new DateOnly(2026, 3, 13), (int?)5, "national2021"),
            (stored.Status, stored.ConcludedOn, stored.ConclusionLevel, stored.ConclusionInstrument));
        Assert.Equal(new[] { ApplicationDocuments.AgentAuthorization, ApplicationDocuments.IdCard, ApplicationDocuments.MedicalRecords }, stored.ProvidedDocuments);
        var record = await db.Set<OnSiteAssessment>().SingleAsync(r => r.ApplicationId == application);
        Assert.Equal(("王监护", "女儿", 2), (record.AttendantName, record.AttendantRelation, record.StaffIds.Length));
        Assert.Contains("VID_0001.mp4", record.EvidenceReferences, StringComparison.Ordinal);
    }

    [Fact]
    public async Task YL_二四1_29号_Yulin_application_by_an_institution_walks_to_重度失能二级_past_separation_and_recusal_refusals()
    {
        var desk = new AssessmentDesk(database, TenantIds.Yulin);
        await desk.SetCompletionPeriodAsync();
        var person = await desk.EnrolledEmployeeAsync("韦失能", "450902", new DateOnly(2027, 1, 1), 3000m);
        var careHome = await desk.InstitutionAsync("玉林康养护理院", "450902");
        var application = await desk.RegisterAsync(person, new DateOnly(2027, 8, 2), new DateOnly(2027, 1, 15), ApplicantKinds.Institution,
            [ApplicationDocuments.IdCard, ApplicationDocuments.MedicalRecords, ApplicationDocuments.AgentAuthorization], applyingInstitution: careHome);
        Assert.Equal(AcceptanceDecision.Accept, (await desk.DecideAsync(application, new DateOnly(2027, 8, 3))).Outcome);

        // 29号 three-way separation: the care home's own agency and an agency acting as 经办 are refused
        var own = await desk.AgencyAsync("康养护理院评估部", careHome);
        var handling = await desk.AgencyAsync("经办评估中心", handling: true);
        var separated = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            desk.AssignAsync(application, own.Id, new DateOnly(2027, 8, 4), new DateOnly(2027, 8, 18)));
        Assert.Equal(AssessmentCodes.AgencyProvidesCare, separated.Code);
        Assert.Contains("三方分离", separated.Message, StringComparison.Ordinal);
        var handled = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            desk.AssignAsync(application, handling.Id, new DateOnly(2027, 8, 4), new DateOnly(2027, 8, 18)));
        Assert.Equal(AssessmentCodes.AgencyIsHandling, handled.Code);

        var agency = await desk.AgencyAsync("玉林第三方评估中心");
        await desk.AssignAsync(application, agency.Id, new DateOnly(2027, 8, 4), new DateOnly(2027, 8, 18));

        // 29号 recusal: an assessor who declared a relation to the person is refused
        await desk.DeclareRelationAsync(agency.AssessorC, person, "远房亲属", new DateOnly(2027, 8, 4));
        var items = AssessmentDesk.National(0, [1, 1, 1, 0], [4, 4, 4]);
        var recused = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            desk.RecordAsync(agency, application, new DateOnly(2027, 8, 6), [agency.ExpertA, agency.AssessorC], items));
        Assert.Equal(AssessmentCodes.AssessorRelated, recused.Code);
        Assert.Contains("回避", recused.Message, StringComparison.Ordinal);

        var recorded = await desk.RecordAsync(agency, application, new DateOnly(2027, 8, 6), [agency.ExpertA, agency.AssessorD], items);
        Assert.Equal((4, "重度失能二级"), (recorded.Level, recorded.LevelLabel));
        await desk.ConfirmAsync(agency.ExpertBUser, recorded.AssessmentId, new DateOnly(2027, 8, 9));
        var concluded = await desk.ConfirmAsync(agency.ExpertAUser, recorded.AssessmentId, new DateOnly(2027, 8, 10));

        Assert.Equal((true, 4, "重度失能二级", (DateOnly?)new DateOnly(2027, 8, 10)), (concluded.Concluded, concluded.Level, concluded.LevelLabel, concluded.ConcludedOn));
    }

    [Fact]
    public async Task Refusal_29号_受理_out_of_scope_person_not_insured_or_outside_the_benefit_population()
    {
        var zhenjiang = new AssessmentDesk(database, TenantIds.Zhenjiang);
        await zhenjiang.SetCompletionPeriodAsync();
        await using var zdb = database.App(TenantIds.Zhenjiang);
        var notEnrolled = await RegisterDatabase.AddPersonAsync(zdb, "赵未参保", "321102", new DateOnly(1950, 1, 1));
        var application = await zhenjiang.RegisterAsync(notEnrolled, new DateOnly(2026, 4, 1), new DateOnly(2025, 1, 1));
        var refused = await zhenjiang.DecideAsync(application, new DateOnly(2026, 4, 2));
        Assert.Equal((AcceptanceDecision.Refuse, AssessmentCodes.NotInsured), (refused.Outcome, refused.Code));
        Assert.Contains("未参加长期护理保险", refused.Message, StringComparison.Ordinal);

        // YL 二(一): a person receiving the work-injury care allowance is outside Yulin's scheme. Recording the status
        // puts the person through the eligibility rule again (person records, issue #11), which ends the enrolment the
        // day before with that clause; the application is then refused as not insured.
        var yulin = new AssessmentDesk(database, TenantIds.Yulin);
        await yulin.SetCompletionPeriodAsync();
        var allowance = await yulin.EnrolledEmployeeAsync("韦工伤", "450902", new DateOnly(2027, 1, 1), 3000m);
        await using (var clerk = yulin.Clerk())
            await clerk.Send(new AddStatusCommand(new PersonId(allowance.Id), PersonStatus.WorkInjuryCareAllowance, new DateOnly(2027, 6, 1)));
        var second = await yulin.RegisterAsync(allowance, new DateOnly(2027, 9, 1), new DateOnly(2027, 1, 1));
        var outside = await yulin.DecideAsync(second, new DateOnly(2027, 9, 2));
        Assert.Equal((AcceptanceDecision.Refuse, AssessmentCodes.NotInsured), (outside.Outcome, outside.Code));

        await using var ydb = database.App(TenantIds.Yulin);
        Assert.Equal(ApplicationStatuses.Refused, (await ydb.Set<AssessmentApplication>().SingleAsync(a => a.Id == second)).Status);
        var notes = await ydb.PersonChanges.Where(c => c.PersonId == allowance.Id && c.Note != null).Select(c => c.Note!).ToListAsync();
        Assert.Contains(notes, n => n.Contains("YL 二(一)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refusal_YL_二四1_disability_shorter_than_six_months_is_not_accepted()
    {
        var desk = new AssessmentDesk(database, TenantIds.Yulin);
        await desk.SetCompletionPeriodAsync();
        var person = await desk.EnrolledEmployeeAsync("韦新近", "450902", new DateOnly(2027, 1, 1), 3000m);
        var application = await desk.RegisterAsync(person, new DateOnly(2027, 8, 2), new DateOnly(2027, 5, 1));

        var refused = await desk.DecideAsync(application, new DateOnly(2027, 8, 3));

        Assert.Equal((AssessmentCodes.DisabilityNotLasting, "YL 二(四)1"), (refused.Code, refused.Clause));
        Assert.Contains("未满 6 个月", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusal_29号_second_application_within_six_months_of_a_conclusion_unless_the_condition_changed()
    {
        var desk = new AssessmentDesk(database, TenantIds.Zhenjiang);
        await desk.SetCompletionPeriodAsync();
        var person = await desk.EnrolledEmployeeAsync("赵再申", "321102", new DateOnly(2024, 1, 1));
        await ConcludeAsync(desk, person, new DateOnly(2026, 5, 4), AssessmentDesk.National(0, [4, 4, 4, 4], [4, 4, 4]));

        var again = await desk.RegisterAsync(person, new DateOnly(2026, 9, 1), new DateOnly(2025, 1, 1));
        var refused = await desk.DecideAsync(again, new DateOnly(2026, 9, 2));
        Assert.Equal(AssessmentCodes.ReapplicationTooSoon, refused.Code);
        Assert.Contains("29号", refused.Clause, StringComparison.Ordinal);

        var changed = await desk.RegisterAsync(person, new DateOnly(2026, 9, 3), new DateOnly(2025, 1, 1), conditionChanged: true);
        Assert.Equal(AcceptanceDecision.Accept, (await desk.DecideAsync(changed, new DateOnly(2026, 9, 4))).Outcome);
    }

    [Fact]
    public async Task A_re_assessment_ordered_after_a_spot_check_is_accepted_within_six_months_and_needs_a_conclusion_to_review()
    {
        var desk = new AssessmentDesk(database, TenantIds.Zhenjiang);
        await desk.SetCompletionPeriodAsync();
        var person = await desk.EnrolledEmployeeAsync("赵抽查", "321102", new DateOnly(2024, 1, 1));
        await ConcludeAsync(desk, person, new DateOnly(2026, 5, 4), AssessmentDesk.National(0, [4, 4, 4, 4], [4, 4, 4]));

        // the bureau's spot check found a change four months on: the 6-month rule does not hold its order back
        var ordered = await desk.RegisterAsync(person, new DateOnly(2026, 9, 1), new DateOnly(2025, 1, 1), kind: ApplicantKinds.Bureau);
        Assert.Equal(AcceptanceDecision.Accept, (await desk.DecideAsync(ordered, new DateOnly(2026, 9, 2))).Outcome);

        // nobody to re-assess: a person without a conclusion
        var never = await desk.EnrolledEmployeeAsync("赵未评", "321102", new DateOnly(2024, 1, 1));
        var application = await desk.RegisterAsync(never, new DateOnly(2026, 9, 1), new DateOnly(2025, 1, 1), kind: ApplicantKinds.Bureau);
        var refused = await desk.DecideAsync(application, new DateOnly(2026, 9, 2));
        Assert.Equal(AssessmentCodes.NoConclusionToReassess, refused.Code);
        Assert.Contains("抽查", refused.Clause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusal_29号_one_expert_confirming_alone_and_staff_without_an_expert_or_a_second_member()
    {
        var desk = new AssessmentDesk(database, TenantIds.Zhenjiang);
        await desk.SetCompletionPeriodAsync();
        var person = await desk.EnrolledEmployeeAsync("赵单专家", "321102", new DateOnly(2024, 1, 1));
        var application = await desk.RegisterAsync(person, new DateOnly(2026, 6, 1), new DateOnly(2025, 1, 1));
        await desk.DecideAsync(application, new DateOnly(2026, 6, 2));
        var agency = await desk.AgencyAsync("镇江单专家评估所");
        await desk.AssignAsync(application, agency.Id, new DateOnly(2026, 6, 3), new DateOnly(2026, 6, 17));
        var items = AssessmentDesk.National(0, [0, 0, 0, 0], [4, 4, 4]);

        var alone = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            desk.RecordAsync(agency, application, new DateOnly(2026, 6, 4), [agency.ExpertA], items));
        Assert.Equal(AssessmentCodes.TooFewStaff, alone.Code);
        var noExpert = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            desk.RecordAsync(agency, application, new DateOnly(2026, 6, 4), [agency.AssessorC, agency.AssessorD], items));
        Assert.Equal(AssessmentCodes.NoExpertOnSite, noExpert.Code);

        var recorded = await desk.RecordAsync(agency, application, new DateOnly(2026, 6, 4), [agency.ExpertA, agency.AssessorC], items);
        Assert.False((await desk.ConfirmAsync(agency.ExpertAUser, recorded.AssessmentId, new DateOnly(2026, 6, 5))).Concluded);
        var twice = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            desk.ConfirmAsync(agency.ExpertAUser, recorded.AssessmentId, new DateOnly(2026, 6, 5)));
        Assert.Equal(AssessmentCodes.SecondExpertRequired, twice.Code);
        var notExpert = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            desk.ConfirmAsync(agency.AssessorUser, recorded.AssessmentId, new DateOnly(2026, 6, 5)));
        Assert.Equal(AssessmentCodes.NotAnExpert, notExpert.Code);

        await using var db = database.App(TenantIds.Zhenjiang);
        Assert.Equal(ApplicationStatuses.Assessed, (await db.Set<AssessmentApplication>().SingleAsync(a => a.Id == application)).Status);
        Assert.Null((await db.Set<OnSiteAssessment>().SingleAsync(r => r.Id == recorded.AssessmentId)).SecondConfirmedBy);
    }

    [Fact]
    public async Task Refusal_national2021_a_score_not_allowed_for_an_item_saves_nothing()
    {
        var desk = new AssessmentDesk(database, TenantIds.Zhenjiang);
        await desk.SetCompletionPeriodAsync();
        var person = await desk.EnrolledEmployeeAsync("赵错分", "321102", new DateOnly(2024, 1, 1));
        var application = await desk.RegisterAsync(person, new DateOnly(2026, 7, 1), new DateOnly(2025, 1, 1));
        await desk.DecideAsync(application, new DateOnly(2026, 7, 2));
        var agency = await desk.AgencyAsync("镇江错分评估所");
        await desk.AssignAsync(application, agency.Id, new DateOnly(2026, 7, 3), new DateOnly(2026, 7, 17));
        var items = AssessmentDesk.National(0, [0, 0, 0, 0], [0, 0, 0]);
        items["feeding"] = 7;

        var refused = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            desk.RecordAsync(agency, application, new DateOnly(2026, 7, 6), [agency.ExpertA, agency.AssessorC], items));

        Assert.Equal("invalid_item_score", refused.Code);
        Assert.Contains("进食", refused.Message, StringComparison.Ordinal);
        Assert.Contains("0/5/10", refused.Message, StringComparison.Ordinal);
        await using var db = database.App(TenantIds.Zhenjiang);
        Assert.False(await db.Set<OnSiteAssessment>().AnyAsync(r => r.ApplicationId == application));
        Assert.Equal(ApplicationStatuses.Assigned, (await db.Set<AssessmentApplication>().SingleAsync(a => a.Id == application)).Status);
    }

    [Fact]
    public async Task Completion_period_an_application_left_incomplete_past_the_tenants_period_counts_as_withdrawn()
    {
        var desk = new AssessmentDesk(database, TenantIds.Zhenjiang);
        await desk.SetCompletionPeriodAsync();
        var person = await desk.EnrolledEmployeeAsync("赵逾期", "321102", new DateOnly(2024, 1, 1));
        var late = await desk.RegisterAsync(person, new DateOnly(2026, 10, 1), new DateOnly(2025, 1, 1), documents: []);
        Assert.Equal(AcceptanceDecision.Incomplete, (await desk.DecideAsync(late, new DateOnly(2026, 10, 2))).Outcome);

        var withdrawn = await desk.DecideAsync(late, new DateOnly(2026, 11, 2));

        Assert.Equal((ApplicationStatuses.Withdrawn, AssessmentCodes.CompletionPeriodPassed), (withdrawn.Outcome, withdrawn.Code));
        var other = await desk.EnrolledEmployeeAsync("赵逾期二", "321102", new DateOnly(2024, 1, 1));
        await desk.RegisterAsync(other, new DateOnly(2026, 10, 1), new DateOnly(2025, 1, 1), documents: []);
        await using (var clerk = desk.Clerk())
        {
            Assert.True(await clerk.Send(new WithdrawLapsedApplicationsCommand(new DateOnly(2026, 11, 2))) >= 1);
            var queue = await clerk.Send(new ListApplicationsQuery(new DateOnly(2026, 11, 2)));
            Assert.Contains(queue, r => r.PersonId == other.Id && r.Status == ApplicationStatuses.Withdrawn);
        }
    }

    [Fact]
    public async Task Parameter_missing_an_application_is_refused_while_the_tenants_completion_period_is_unset()
    {
        var desk = new AssessmentDesk(database, TenantIds.Yuzhong);
        await using var db = database.App(TenantIds.Yuzhong);
        var person = await RegisterDatabase.AddPersonAsync(db, "渝未设", "500103", new DateOnly(1950, 1, 1), MedicalInsuranceScheme.Employee);

        var refused = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => desk.RegisterAsync(person, new DateOnly(2026, 4, 1), null));

        Assert.Equal(ErrorCodes.ParameterMissing, refused.Code);
        Assert.False(await db.Set<AssessmentApplication>().AnyAsync(a => a.PersonId == person.Id));
    }

    [Fact]
    public async Task The_assessment_tables_are_tenant_tables_under_forced_row_level_security()
    {
        await using var connection = new NpgsqlConnection(database.Server.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FROM pg_class
            WHERE relname IN ('assessment_applications', 'assessment_agencies', 'assessors', 'assessment_relations', 'assessment_records')
              AND relrowsecurity AND relforcerowsecurity
            """, connection);
        Assert.Equal(5L, await command.ExecuteScalarAsync());
    }

    private static async Task ConcludeAsync(AssessmentDesk desk, InsuredPerson person, DateOnly on, Dictionary<string, int> items)
    {
        var application = await desk.RegisterAsync(person, on, new DateOnly(2025, 1, 1));
        Assert.Equal(AcceptanceDecision.Accept, (await desk.DecideAsync(application, on)).Outcome);
        var agency = await desk.AgencyAsync("结论评估所");
        await desk.AssignAsync(application, agency.Id, on, on.AddDays(14));
        var recorded = await desk.RecordAsync(agency, application, on.AddDays(1), [agency.ExpertA, agency.AssessorC], items);
        await desk.ConfirmAsync(agency.ExpertAUser, recorded.AssessmentId, on.AddDays(2));
        Assert.True((await desk.ConfirmAsync(agency.ExpertBUser, recorded.AssessmentId, on.AddDays(2))).Concluded);
    }
}
