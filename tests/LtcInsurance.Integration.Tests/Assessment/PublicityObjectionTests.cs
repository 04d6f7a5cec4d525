using LtcInsurance.Application.Assessment.ConfirmConclusion;
using LtcInsurance.Application.Assessment.DownloadConclusionLetter;
using LtcInsurance.Application.Assessment.GetConclusionLetter;
using LtcInsurance.Application.Assessment.ListApplications;
using LtcInsurance.Application.Assessment.LodgeObjection;
using LtcInsurance.Application.Assessment.RecordDelivery;
using LtcInsurance.Application.Assessment.StartPublicity;
using LtcInsurance.Application.Calendar.RemoveCalendarDay;
using LtcInsurance.Application.Calendar.SetCalendarDay;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Entitlement;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Enrollment;
using LtcInsurance.Integration.Tests.Policies;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Integration.Tests.Assessment;

/// <summary>
/// Issue #12 item 5: publicity (公示) of a conclusion on the working calendar, objection (异议) only during it, the 复评 by
/// another agency and other staff whose conclusion is final, the conclusion letter (结论书) and its delivery (送达) within 30
/// working days of acceptance (29号 = 医保发〔2023〕29号, 22号 = 医保办发〔2024〕22号).
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class PublicityObjectionTests(RegisterDatabase database)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly HashSet<string> PublicitySet = [];

    // 清明节 2027 on a Monday, a holiday this test sets in Zhenjiang's calendar and removes again
    private static readonly DateOnly Qingming = new(2027, 4, 5);

    [Fact]
    public async Task ZJ_29号_conclusion_publicity_objection_复评_by_another_agency_final_conclusion_letter_and_delivery()
    {
        var desk = new AssessmentDesk(database, TenantIds.Zhenjiang);
        await SetPublicityAsync(desk);
        await using (var admin = database.Host(TenantIds.Zhenjiang, Roles.Admin))
            await admin.Send(new SetCalendarDayCommand(Qingming, "holiday", "清明节"));
        try
        {
            var person = await desk.EnrolledEmployeeAsync("赵公示", "321102", new DateOnly(2024, 1, 1));
            var application = await desk.RegisterAsync(person, new DateOnly(2027, 3, 22), new DateOnly(2026, 6, 1));
            Assert.Equal(AcceptanceDecision.Accept, (await desk.DecideAsync(application, new DateOnly(2027, 3, 23))).Outcome);
            var first = await desk.AgencyAsync("镇江初评评估中心");
            await desk.AssignAsync(application, first.Id, new DateOnly(2027, 3, 24), new DateOnly(2027, 4, 7));
            var recorded = await desk.RecordAsync(first, application, new DateOnly(2027, 3, 30), [first.ExpertA, first.AssessorC],
                AssessmentDesk.National(0, [0, 0, 0, 0], [0, 0, 0]));
            await desk.ConfirmAsync(first.ExpertAUser, recorded.AssessmentId, new DateOnly(2027, 4, 1));
            var concluded = await desk.ConfirmAsync(first.ExpertBUser, recorded.AssessmentId, new DateOnly(2027, 4, 1));

            // 7 working days from Thursday 1 April: 1, 2, (5 清明 holiday), 6, 7, 8, 9, 12 April
            Assert.Equal(("重度失能三级", (DateOnly?)new DateOnly(2027, 4, 1), (DateOnly?)new DateOnly(2027, 4, 12)),
                (concluded.LevelLabel, concluded.PublicityFrom, concluded.PublicityTo));

            ObjectionRecorded objection;
            await using (var clerk = desk.Clerk())
                objection = await clerk.Send(new LodgeObjectionCommand(application, new DateOnly(2027, 4, 8), "家属认为失能程度评估偏重，申请复评"));
            Assert.Contains("复评", objection.Message, StringComparison.Ordinal);

            // the first agency is recused from the 复评
            var sameAgency = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
                desk.AssignAsync(objection.ReviewApplicationId, first.Id, new DateOnly(2027, 4, 9), new DateOnly(2027, 4, 23)));
            Assert.Equal(AssessmentCodes.ReviewAgencyRecused, sameAgency.Code);
            Assert.Contains("其他评估机构", sameAgency.Message, StringComparison.Ordinal);

            var second = await desk.AgencyAsync("镇江复评评估中心");
            await desk.AssignAsync(objection.ReviewApplicationId, second.Id, new DateOnly(2027, 4, 9), new DateOnly(2027, 4, 23));
            var review = await desk.RecordAsync(second, objection.ReviewApplicationId, new DateOnly(2027, 4, 12), [second.ExpertA, second.AssessorC],
                AssessmentDesk.National(0, [1, 1, 1, 0], [4, 4, 4]));
            await desk.ConfirmAsync(second.ExpertAUser, review.AssessmentId, new DateOnly(2027, 4, 13));
            var final = await desk.ConfirmAsync(second.ExpertBUser, review.AssessmentId, new DateOnly(2027, 4, 13));
            Assert.Equal((true, "重度失能二级", (DateOnly?)null), (final.Concluded, final.LevelLabel, final.PublicityFrom));

            // the 复评 conclusion is final; the first conclusion takes one objection only
            await using (var clerk = desk.Clerk())
            {
                var again = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
                    clerk.Send(new LodgeObjectionCommand(objection.ReviewApplicationId, new DateOnly(2027, 4, 14), "仍有异议")));
                Assert.Equal(EntitlementCodes.ReviewConclusionFinal, again.Code);
                Assert.Contains("最终结论", again.Message, StringComparison.Ordinal);
                var twice = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
                    clerk.Send(new LodgeObjectionCommand(application, new DateOnly(2027, 4, 9), "再次异议")));
                Assert.Equal(AssessmentCodes.ObjectionLodged, twice.Code);

                // the letter of the final conclusion: level, the three dimensions, validity 24 months (29号 default)
                var letter = await clerk.Send(new GetConclusionLetterQuery(objection.ReviewApplicationId));
                Assert.Equal(("赵公示", "重度失能二级", (DateOnly?)new DateOnly(2027, 4, 13), (DateOnly?)new DateOnly(2029, 4, 12), "镇江复评评估中心"),
                    (letter.PersonName, letter.Level, letter.ValidFrom, letter.ValidTo, letter.Agency));
                Assert.Equal(3, letter.Scores!.Count);
                Assert.Contains("最终结论", letter.Objection, StringComparison.Ordinal);
                var pdf = await clerk.Send(new DownloadConclusionLetterQuery(objection.ReviewApplicationId));
                Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf.Content, 0, 4));
                Assert.Contains("赵公示", pdf.FileName, StringComparison.Ordinal);

                var firstLetter = await clerk.Send(new GetConclusionLetterQuery(application));
                Assert.Equal("重度失能三级", firstLetter.Level);
                Assert.Contains("2027年4月12日", firstLetter.Objection, StringComparison.Ordinal);

                // delivered within 30 working days of the objection that opened the 复评 (8 April → 20 May)
                var delivered = await clerk.Send(new RecordDeliveryCommand(objection.ReviewApplicationId, new DateOnly(2027, 4, 15), DeliveryMethods.InPerson));
                Assert.Equal(((DateOnly?)new DateOnly(2027, 5, 20), true), (delivered.DueOn, delivered.OnTime));
                var deliveredTwice = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
                    clerk.Send(new RecordDeliveryCommand(objection.ReviewApplicationId, new DateOnly(2027, 4, 16), DeliveryMethods.Post)));
                Assert.Equal(AssessmentCodes.AlreadyDelivered, deliveredTwice.Code);

                // 22号: the first letter is due 30 working days after acceptance on 23 March, 清明 not counted: 5 May
                var queue = await clerk.Send(new ListApplicationsQuery(new DateOnly(2027, 4, 15)));
                var firstRow = Assert.Single(queue, r => r.Id == application);
                Assert.Equal(((DateOnly?)new DateOnly(2027, 5, 5), (DateOnly?)new DateOnly(2027, 5, 5), (DateOnly?)new DateOnly(2027, 4, 8)),
                    (firstRow.DeliveryDueOn, firstRow.NextDeadline, firstRow.ObjectedOn));
                var reviewRow = Assert.Single(queue, r => r.Id == objection.ReviewApplicationId);
                Assert.Equal((ApplicationKinds.Review, (DateOnly?)new DateOnly(2027, 4, 15), (DateOnly?)null),
                    (reviewRow.Kind, reviewRow.DeliveredOn, reviewRow.NextDeadline));
            }

            await using var db = database.App(TenantIds.Zhenjiang);
            var stored = await db.Set<AssessmentApplication>().SingleAsync(a => a.Id == objection.ReviewApplicationId);
            Assert.Equal((application, (Guid?)first.Id, DeliveryMethods.InPerson), (stored.ReviewOfId!.Value, stored.RecusedAgencyId, stored.DeliveryMethod));
            Assert.Contains(first.ExpertA, stored.RecusedStaffIds);
            Assert.Contains(first.ExpertB, stored.RecusedStaffIds);
        }
        finally
        {
            await using var admin = database.Host(TenantIds.Zhenjiang, Roles.Admin);
            await admin.Send(new RemoveCalendarDayCommand(Qingming));
        }
    }

    [Fact]
    public async Task ZJ_29号_objection_after_the_publicity_is_refused_with_reason_and_clause_and_changes_nothing()
    {
        var desk = new AssessmentDesk(database, TenantIds.Zhenjiang);
        await SetPublicityAsync(desk);
        var person = await desk.EnrolledEmployeeAsync("赵逾期异议", "321102", new DateOnly(2024, 1, 1));
        var (application, _) = await ConcludeAsync(desk, person, new DateOnly(2027, 6, 7));

        await using var clerk = desk.Clerk();
        // concluded Wednesday 9 June: 9, 10, 11, 14, 15, 16, 17 June
        var late = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            clerk.Send(new LodgeObjectionCommand(application, new DateOnly(2027, 6, 18), "公示期后提出的异议")));
        Assert.Equal(EntitlementCodes.ObjectionOutsidePublicity, late.Code);
        Assert.Contains("2027-06-09 至 2027-06-17", late.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(late.Clause));
        var restart = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            clerk.Send(new StartPublicityCommand(application, new DateOnly(2027, 6, 21))));
        Assert.Equal(AssessmentCodes.PublicityStarted, restart.Code);

        await using var db = database.App(TenantIds.Zhenjiang);
        var stored = await db.Set<AssessmentApplication>().SingleAsync(a => a.Id == application);
        Assert.Null(stored.ObjectedOn);
        Assert.False(await db.Set<AssessmentApplication>().AnyAsync(a => a.ReviewOfId == application));
    }

    [Fact]
    public async Task Parameter_missing_publicity_is_refused_while_the_tenant_has_not_set_its_period()
    {
        var desk = new AssessmentDesk(database, TenantIds.Yulin);
        await desk.SetCompletionPeriodAsync();
        var person = await desk.EnrolledEmployeeAsync("韦未公示", "450902", new DateOnly(2027, 1, 1), 3000m);
        var (application, concluded) = await ConcludeAsync(desk, person, new DateOnly(2027, 9, 6), new DateOnly(2027, 1, 15));
        Assert.Null(concluded.PublicityFrom);
        Assert.Contains("公示期参数未设置", concluded.Message, StringComparison.Ordinal);

        await using var clerk = desk.Clerk();
        var missing = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            clerk.Send(new StartPublicityCommand(application, new DateOnly(2027, 9, 10))));
        Assert.Equal(ErrorCodes.ParameterMissing, missing.Code);
        var notPublicised = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            clerk.Send(new LodgeObjectionCommand(application, new DateOnly(2027, 9, 10), "异议")));
        Assert.Equal(AssessmentCodes.NotPublicised, notPublicised.Code);
    }

    private static async Task<(Guid Application, ConclusionConfirmation Concluded)> ConcludeAsync(
        AssessmentDesk desk, InsuredPerson person, DateOnly monday, DateOnly? disabledSince = null)
    {
        var application = await desk.RegisterAsync(person, monday, disabledSince ?? new DateOnly(2026, 1, 1));
        Assert.Equal(AcceptanceDecision.Accept, (await desk.DecideAsync(application, monday)).Outcome);
        var agency = await desk.AgencyAsync("结论评估所");
        await desk.AssignAsync(application, agency.Id, monday, monday.AddDays(14));
        var recorded = await desk.RecordAsync(agency, application, monday.AddDays(1), [agency.ExpertA, agency.AssessorC],
            AssessmentDesk.National(0, [1, 1, 1, 0], [4, 4, 4]));
        await desk.ConfirmAsync(agency.ExpertAUser, recorded.AssessmentId, monday.AddDays(2));
        var concluded = await desk.ConfirmAsync(agency.ExpertBUser, recorded.AssessmentId, monday.AddDays(2));
        Assert.True(concluded.Concluded);
        return (application, concluded);
    }

    /// <summary>Zhenjiang's publicity: 7 working days (a test value; the documents fix none).</summary>
    private async Task SetPublicityAsync(AssessmentDesk desk)
    {
        await desk.SetCompletionPeriodAsync();
        await Once.WaitAsync();
        try
        {
            if (PublicitySet.Add(database.Server.AppConnectionString))
            {
                var admins = new ParameterAdmins(database.Server.AppConnectionString, desk.Tenant);
                await admins.SetAsync(EntitlementParameters.PublicityDays, "7", new DateOnly(2020, 1, 1));
                await admins.SetAsync(EntitlementParameters.PublicityDayCounting, EntitlementParameters.WorkingDays, new DateOnly(2020, 1, 1));
            }
        }
        finally
        {
            Once.Release();
        }
    }
}
