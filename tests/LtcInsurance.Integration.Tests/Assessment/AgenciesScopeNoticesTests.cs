using LtcInsurance.Application.Assessment;
using LtcInsurance.Application.Assessment.DesignateAgency;
using LtcInsurance.Application.Assessment.DownloadNotice;
using LtcInsurance.Application.Assessment.GetApplicationOptions;
using LtcInsurance.Application.Assessment.GetAssessmentWorkspace;
using LtcInsurance.Application.Assessment.ListAgencies;
using LtcInsurance.Application.Assessment.ListApplications;
using LtcInsurance.Application.Assessment.ListNotices;
using LtcInsurance.Application.Assessment.MarkNoticePrinted;
using LtcInsurance.Application.Assessment.RegisterApplication;
using LtcInsurance.Application.Assessment.RegisterAssessor;
using LtcInsurance.Application.Calendar.RemoveCalendarDay;
using LtcInsurance.Application.Calendar.SetCalendarDay;
using LtcInsurance.Application.Common.Documents;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Enrollment;
using LtcInsurance.Integration.Tests.Policies;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Integration.Tests.Assessment;

/// <summary>
/// Issue #12 items 3 and 5 around agencies, users and notices: an assessor's sign-in must be an assessor-role user bound to the
/// agency (<c>users.agency_code</c>); a care institution's user sees and registers only its own institution's applications and
/// an assessor only those assigned to their agency; the conclusion's delivery deadline is the tenant's parameter (national
/// default 30 working days, 医保发〔2023〕29号) counted on the working calendar; acceptance notices wait in the print queue.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class AgenciesScopeNoticesTests(RegisterDatabase database)
{
    private static int _sequence;

    private async Task<AssessmentApplication> ApplicationAsync(Guid id)
    {
        await using var db = database.App(TenantIds.Zhenjiang);
        return await db.Set<AssessmentApplication>().AsNoTracking().SingleAsync(a => a.Id == id);
    }

    [Fact]
    public async Task An_assessors_linked_user_must_be_an_assessor_role_user_bound_to_that_agency()
    {
        var desk = new AssessmentDesk(database, TenantIds.Shishi);
        var n = Interlocked.Increment(ref _sequence);
        var code = $"SSAG-{n}";
        Guid agency;
        await using (var clerk = desk.Clerk())
            agency = await clerk.Send(new DesignateAgencyCommand(code, "石狮用户校验评估所" + n, new DateOnly(2020, 1, 1)));
        await desk.CreateUserAsync($"bound-{n}.shishi", Roles.Assessor, agencyCode: code);
        await desk.CreateUserAsync($"elsewhere-{n}.shishi", Roles.Assessor, agencyCode: $"OTHER-{n}");
        await desk.CreateUserAsync($"desk-{n}.shishi", Roles.Clerk);

        async Task<BusinessRuleViolationException> RefusedAsync(string userName)
        {
            await using var clerk = desk.Clerk();
            return await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
                clerk.Send(new RegisterAssessorCommand(agency, "林评估", AssessorQualifications.Expert, $"SS-E-{n}", userName)));
        }

        var otherAgency = await RefusedAsync($"elsewhere-{n}.shishi");
        Assert.Equal(AssessmentCodes.AssessorUserMismatch, otherAgency.Code);
        Assert.Contains($"OTHER-{n}", otherAgency.Message, StringComparison.Ordinal);
        Assert.Contains("评估人员角色用户", otherAgency.Message, StringComparison.Ordinal);
        Assert.Contains("不是评估人员角色", (await RefusedAsync($"desk-{n}.shishi")).Message, StringComparison.Ordinal);
        Assert.Contains("本市没有用户", (await RefusedAsync($"nobody-{n}.shishi")).Message, StringComparison.Ordinal);
        // a user of another city is as unknown as a missing one
        await new AssessmentDesk(database, TenantIds.Jining).CreateUserAsync($"jn-{n}.jining", Roles.Assessor, agencyCode: code);
        Assert.Contains("本市没有用户", (await RefusedAsync($"jn-{n}.jining")).Message, StringComparison.Ordinal);

        await using (var clerk = desk.Clerk())
        {
            // nothing was registered by the refusals; the bound user (typed in upper case) is accepted under its own spelling
            Assert.Empty((await clerk.Send(new ListAgenciesQuery(new DateOnly(2026, 12, 1)))).Single(a => a.Id == agency).Staff);
            await clerk.Send(new RegisterAssessorCommand(agency, "林评估", AssessorQualifications.Expert, $"SS-E-{n}", $"BOUND-{n}.SHISHI"));
            var listed = (await clerk.Send(new ListAgenciesQuery(new DateOnly(2026, 12, 1)))).Single(a => a.Id == agency);
            Assert.Equal(($"bound-{n}.shishi", "评估专家", true), (listed.Staff.Single().UserName, listed.Staff.Single().QualificationName, listed.InAgreement));
        }
    }

    [Fact]
    public async Task Institution_users_register_and_see_only_their_institutions_applications_assessors_only_their_agencys()
    {
        var desk = new AssessmentDesk(database, TenantIds.Zhenjiang);
        await desk.SetCompletionPeriodAsync();
        var n = Interlocked.Increment(ref _sequence);
        var own = await desk.InstitutionWithCodeAsync("镇江本院护理院" + n, "321102");
        var other = await desk.InstitutionWithCodeAsync("镇江他院护理院" + n, "321102");
        var user = $"inst-{n}.zhenjiang";
        await desk.CreateUserAsync(user, Roles.Institution, institutionCode: own.Code);
        var byClerk = await desk.EnrolledEmployeeAsync("赵他院" + n, "321102", new DateOnly(2024, 1, 1));
        var byInstitution = await desk.EnrolledEmployeeAsync("赵本院" + n, "321102", new DateOnly(2024, 1, 1));
        var on = new DateOnly(2027, 2, 1);
        var otherApplication = await desk.RegisterAsync(byClerk, on, new DateOnly(2026, 1, 1), ApplicantKinds.Institution, [.. ApplicationDocuments.All],
            applyingInstitution: other.Id);

        await using var institution = desk.As(user, Roles.Institution);
        var options = await institution.Send(new GetApplicationOptionsQuery(byInstitution.IdNumber.Value));
        Assert.Equal([own.Id], options.Institutions.Select(i => i.Id).ToList());
        Assert.Equal((true, byInstitution.Name), (options.OwnInstitutionOnly, options.Person?.Name));

        RegisterApplicationCommand Command(string kind, Guid? applying) =>
            new(new PersonId(byInstitution.Id), kind, "护理院经办人", on, [.. ApplicationDocuments.All], new DateOnly(2026, 1, 1), false, applying);
        var asPerson = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => institution.Send(Command(ApplicantKinds.Person, null)));
        var forOther = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => institution.Send(Command(ApplicantKinds.Institution, other.Id)));
        Assert.Equal((AssessmentCodes.NotOwnInstitution, AssessmentCodes.NotOwnInstitution), (asPerson.Code, forOther.Code));
        Assert.Contains("本机构名义", forOther.Message, StringComparison.Ordinal);
        var ownApplication = (await institution.Send(Command(ApplicantKinds.Institution, own.Id))).ApplicationId;

        var seen = await institution.Send(new ListApplicationsQuery(on));
        Assert.Equal([ownApplication], seen.Select(r => r.Id).ToList());
        Assert.Equal(byInstitution.Name, (await institution.Send(new GetAssessmentWorkspaceQuery(ownApplication))).Application!.PersonName);
        var hidden = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => institution.Send(new GetAssessmentWorkspaceQuery(otherApplication)));
        Assert.Equal(AssessmentCodes.ApplicationNotFound, hidden.Code);
        await using (var clerk = desk.Clerk())
        {
            var all = (await clerk.Send(new ListApplicationsQuery(on, Take: 1000))).Select(r => r.Id).ToList();
            Assert.Contains(ownApplication, all);
            Assert.Contains(otherApplication, all);
        }

        // an assessor sees an application only once it is assigned to their agency
        var agency = await desk.AgencyAsync("镇江范围评估所" + n);
        await using var assessor = desk.As(agency.ExpertAUser, Roles.Assessor);
        Assert.Empty(await assessor.Send(new ListApplicationsQuery(on)));
        Assert.Equal(AcceptanceDecision.Accept, (await desk.DecideAsync(ownApplication, new DateOnly(2027, 2, 2))).Outcome);
        await desk.AssignAsync(ownApplication, agency.Id, new DateOnly(2027, 2, 3), new DateOnly(2027, 2, 20));
        Assert.Equal([ownApplication], (await assessor.Send(new ListApplicationsQuery(on))).Select(r => r.Id).ToList());
        Assert.Equal(AssessmentCodes.ApplicationNotFound,
            (await Assert.ThrowsAsync<BusinessRuleViolationException>(() => assessor.Send(new GetAssessmentWorkspaceQuery(otherApplication)))).Code);
    }

    [Fact]
    public async Task The_delivery_deadline_is_the_tenants_parameter_counted_across_国庆_with_a_调休_Saturday_and_the_acceptance_notice_is_queued()
    {
        var desk = new AssessmentDesk(database, TenantIds.Zhenjiang);
        await desk.SetCompletionPeriodAsync();
        // the city shortens the national default (30 working days) to 10 for applications accepted from 1 September 2027
        await new ParameterAdmins(database.Server.AppConnectionString, TenantIds.Zhenjiang)
            .SetAsync(CommonParameters.DeliveryWorkingDays, "10", new DateOnly(2027, 9, 1));
        var holidays = Enumerable.Range(1, 7).Select(d => new DateOnly(2027, 10, d)).ToList();
        var makeUp = new DateOnly(2027, 10, 9); // a Saturday worked (调休)
        await using (var admin = database.Host(TenantIds.Zhenjiang, Roles.Admin))
        {
            foreach (var day in holidays)
                await admin.Send(new SetCalendarDayCommand(day, "holiday", "国庆节"));
            await admin.Send(new SetCalendarDayCommand(makeUp, "workday", "国庆节调休"));
        }

        try
        {
            var n = Interlocked.Increment(ref _sequence);
            var before = await desk.EnrolledEmployeeAsync("赵默认期限" + n, "321102", new DateOnly(2024, 1, 1));
            var after = await desk.EnrolledEmployeeAsync("赵本地期限" + n, "321102", new DateOnly(2024, 1, 1));
            var first = await desk.RegisterAsync(before, new DateOnly(2027, 8, 13), new DateOnly(2026, 1, 1));
            var second = await desk.RegisterAsync(after, new DateOnly(2027, 9, 27), new DateOnly(2026, 1, 1));
            Assert.Equal(AcceptanceDecision.Accept, (await desk.DecideAsync(first, new DateOnly(2027, 8, 16))).Outcome);
            Assert.Equal(AcceptanceDecision.Accept, (await desk.DecideAsync(second, new DateOnly(2027, 9, 28))).Outcome);

            await using var clerk = desk.Clerk();
            var rows = (await clerk.Send(new ListApplicationsQuery(new DateOnly(2027, 9, 28), Take: 1000))).ToDictionary(r => r.Id);
            // default: 30 working days after Monday 16 August (no holiday on the way) is Monday 27 September
            Assert.Equal(new DateOnly(2027, 9, 27), rows[first].DeliveryDueOn);
            // 10 working days after Tuesday 28 September: 29, 30 Sep, (1-7 Oct 国庆), 8, 9 (调休 Saturday), 11, 12, 13, 14, 15, 18 Oct
            Assert.Equal(new DateOnly(2027, 10, 18), rows[second].DeliveryDueOn);

            // the acceptance notice waits to be printed; printing archives it once
            var queued = await clerk.Send(new ListNoticesQuery(new DateOnly(2027, 9, 28), AssessmentNotices.Acceptance));
            Assert.Contains(queued, r => r.ApplicationId == second && r.State == NoticeStates.ToPrint && r.IssuedOn == new DateOnly(2027, 9, 28));
            var pdf = await clerk.Send(new DownloadNoticeQuery(second, AssessmentNotices.Acceptance));
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf.Content, 0, 4));
            Assert.StartsWith("受理通知书-赵本地期限", pdf.FileName, StringComparison.Ordinal);
            var notConcluded = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => clerk.Send(new DownloadNoticeQuery(second, AssessmentNotices.Conclusion)));
            Assert.Equal(AssessmentCodes.NoticeNotIssued, notConcluded.Code);
            await clerk.Send(new MarkNoticePrintedCommand(second, AssessmentNotices.Acceptance));
            Assert.DoesNotContain(await clerk.Send(new ListNoticesQuery(new DateOnly(2027, 9, 28), AssessmentNotices.Acceptance)), r => r.ApplicationId == second);
            var again = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => clerk.Send(new MarkNoticePrintedCommand(second, AssessmentNotices.Acceptance)));
            Assert.Equal(AssessmentCodes.NoticeAlreadyPrinted, again.Code);
            var done = await clerk.Send(new ListNoticesQuery(new DateOnly(2027, 9, 28), AssessmentNotices.Acceptance, NoticeStates.Everything));
            Assert.Equal(NoticeStates.Done, done.Single(r => r.ApplicationId == second).State);

            // a refusal (Zhenjiang requires the disability's start date, ZJ 二(五)1) issues the 不予受理通知书 with its reason
            var refusedPerson = await desk.EnrolledEmployeeAsync("赵不受理" + n, "321102", new DateOnly(2024, 1, 1));
            var refused = await desk.RegisterAsync(refusedPerson, new DateOnly(2027, 9, 27), null);
            var outcome = await desk.DecideAsync(refused, new DateOnly(2027, 9, 28));
            Assert.Equal(AcceptanceDecision.Refuse, outcome.Outcome);
            var refusals = await clerk.Send(new ListNoticesQuery(new DateOnly(2027, 9, 28), AssessmentNotices.Refusal, NoticeStates.ToPrint));
            Assert.Equal("不予受理通知书", refusals.Single(r => r.ApplicationId == refused).KindName);
            var refusalPdf = await clerk.Send(new DownloadNoticeQuery(refused, AssessmentNotices.Refusal));
            Assert.Equal(("%PDF", true), (System.Text.Encoding.ASCII.GetString(refusalPdf.Content, 0, 4), refusalPdf.FileName.StartsWith("不予受理通知书-", StringComparison.Ordinal)));
            var text = AssessmentNotices.DecisionNotice(AssessmentNotices.Refusal, refusedPerson.Name, refusedPerson.IdNumber.Value,
                await ApplicationAsync(refused),
                new DateOnly(2027, 9, 28), "镇江市长期护理保险经办机构");
            var paragraphs = string.Join("\n", text.Blocks.OfType<NoticeParagraph>().Select(p => p.Text));
            Assert.Contains(outcome.Message.TrimEnd('。'), paragraphs, StringComparison.Ordinal);
            Assert.Contains(outcome.Clause!, paragraphs, StringComparison.Ordinal);
        }
        finally
        {
            await using var admin = database.Host(TenantIds.Zhenjiang, Roles.Admin);
            foreach (var day in holidays.Append(makeUp))
                await admin.Send(new RemoveCalendarDayCommand(day));
        }
    }
}
