using LtcInsurance.Application.Assessment.GetAssessmentWorkspace;
using LtcInsurance.Application.Benefits.GetPersonFile;
using LtcInsurance.Application.Benefits.PostAssessmentFee;
using LtcInsurance.Application.Benefits.RecordServiceChoice;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Domain.Policies.Entitlement;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Vocabulary;
using LtcInsurance.Integration.Tests.Assessment;
using LtcInsurance.Integration.Tests.Enrollment;
using LtcInsurance.Integration.Tests.Policies;
using Microsoft.EntityFrameworkCore;
using EntitlementEndReasons = LtcInsurance.Domain.Benefits.EntitlementEndReasons;

namespace LtcInsurance.Integration.Tests.Benefits;

/// <summary>
/// What the concluding confirmation (the second expert's) does beside the conclusion, issue #12 items 7 and 8: it posts the
/// assessment fee once, or says why not and lets the clerk post it later, never twice; and a conclusion that opens no
/// benefits ends the person's running entitlement (新的评估结论) with its trace and a row in the person's file. Zhenjiang in
/// 2032 (test values from 2032-01-01; its fee is unset before the first test sets it).
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class ConclusionConsequencesTests(RegisterDatabase database)
{
    private static readonly DateOnly From2032 = new(2032, 1, 1);
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly HashSet<string> Set = [];

    [Fact]
    public async Task Fee_unset_the_conclusion_stands_and_says_why_then_posted_later_once_and_a_later_conclusion_posts_it_itself_once()
    {
        var desk = new AssessmentDesk(database, TenantIds.Zhenjiang);
        await SetUpAsync(desk);
        var agency = await desk.AgencyAsync("镇江评估费中心");

        // the fee is not set: the conclusion is made all the same; the result says the fee was not posted and why
        var first = await ConcludeAsync(desk, agency, "钱评估费", new DateOnly(2032, 2, 2), severe: true);
        Assert.True(first.Confirmation.Concluded);
        Assert.Equal("重度失能二级", first.Confirmation.LevelLabel);
        Assert.False(first.Confirmation.FeePosted);
        Assert.Contains("评估费未记账", first.Confirmation.FeeMessage, StringComparison.Ordinal);
        Assert.Contains(EntitlementParameters.AssessmentFee, first.Confirmation.FeeMessage, StringComparison.Ordinal);
        Assert.Equal(0, await FeeEntriesAsync(first.Application));
        await using (var clerk = desk.Clerk())
        {
            var page = await clerk.Send(new GetAssessmentWorkspaceQuery(first.Application));
            Assert.Equal(ApplicationStatuses.Concluded, page.Application!.Status);
            Assert.Null(page.Application.FeeJournalSequence);
        }

        // the admin sets the fee; the clerk posts it later from the application; posting again adds nothing
        await new ParameterAdmins(database.Server.AppConnectionString, desk.Tenant).SetAsync(EntitlementParameters.AssessmentFee, "150.00", From2032);
        await using (var clerk = desk.Clerk())
        {
            var posted = await clerk.Send(new PostAssessmentFeeCommand(first.Application, new DateOnly(2032, 2, 20)));
            Assert.Equal((150m, false), (posted.Fee, posted.AlreadyPosted));
            Assert.NotNull(posted.JournalSequence);
            var again = await clerk.Send(new PostAssessmentFeeCommand(first.Application, new DateOnly(2032, 2, 21)));
            Assert.Equal((true, posted.JournalSequence), (again.AlreadyPosted, again.JournalSequence));
            Assert.Equal(posted.JournalSequence, (await clerk.Send(new GetAssessmentWorkspaceQuery(first.Application))).Application!.FeeJournalSequence);
        }

        Assert.Equal(1, await FeeEntriesAsync(first.Application));

        // with the fee set, the second expert's confirmation posts it; the clerk's button then finds it posted
        var second = await ConcludeAsync(desk, agency, "孙评估费", new DateOnly(2032, 3, 2), severe: true);
        Assert.True(second.Confirmation.FeePosted, second.Confirmation.FeeMessage);
        Assert.Contains("150.00", second.Confirmation.FeeMessage, StringComparison.Ordinal);
        Assert.Equal(1, await FeeEntriesAsync(second.Application));
        await using (var clerk = desk.Clerk())
        {
            var repeat = await clerk.Send(new PostAssessmentFeeCommand(second.Application, new DateOnly(2032, 3, 10)));
            Assert.True(repeat.AlreadyPosted);
        }

        Assert.Equal(1, await FeeEntriesAsync(second.Application));
    }

    [Fact]
    public async Task A_new_conclusion_below_the_qualifying_level_ends_the_running_entitlement_as_新的评估结论_with_its_trace_and_file_row()
    {
        var desk = new AssessmentDesk(database, TenantIds.Zhenjiang);
        await SetUpAsync(desk);
        var agency = await desk.AgencyAsync("镇江复核评估中心");
        var home = await desk.InstitutionAsync("镇江居家护理站", "321102", ServiceMode.Home);
        var person = await desk.EnrolledEmployeeAsync("周复核", "321102", new DateOnly(2024, 1, 1));

        var first = await ConcludeAsync(desk, agency, person, new DateOnly(2032, 1, 5), severe: true);
        EntitlementRecorded entitlement;
        await using (var clerk = desk.Clerk())
            entitlement = await clerk.Send(new RecordServiceChoiceCommand(first.Application, "home", home, new DateOnly(2032, 1, 20)));
        Assert.Equal(new DateOnly(2032, 1, 8), entitlement.From);

        // re-assessment on the person's request after 6 months: 中度失能, below Zhenjiang's qualifying level
        var later = await ConcludeAsync(desk, agency, person, new DateOnly(2032, 8, 3), severe: false);
        Assert.True(later.Confirmation.Concluded);
        Assert.Equal("中度失能", later.Confirmation.LevelLabel);
        Assert.Equal([entitlement.EntitlementId], later.Confirmation.EndedEntitlements);
        Assert.Contains("新的评估结论", later.Confirmation.Message, StringComparison.Ordinal);
        var concludedOn = later.Confirmation.ConcludedOn!.Value;

        await using (var db = database.App(desk.Tenant))
        {
            var stored = await db.Set<BenefitEntitlement>().SingleAsync(e => e.Id == entitlement.EntitlementId);
            Assert.Equal((EntitlementEndReasons.NewConclusion, (DateOnly?)concludedOn), (stored.EndReason, stored.To));
            Assert.True(stored.Covers(concludedOn));
            Assert.False(stored.Covers(concludedOn.AddDays(1)));
            Assert.Contains("\"end\"", stored.Trace, StringComparison.Ordinal);
        }

        await using (var clerk = desk.Clerk())
        {
            var file = await clerk.Send(new GetPersonFileQuery(new PersonId(person.Id)));
            Assert.Contains(file.Timeline, e => e.Kind == "entitlement_end" && e.Ref == entitlement.EntitlementId && e.Date == concludedOn
                && e.Detail.Contains("新的评估结论", StringComparison.Ordinal));
        }
    }

    /// <summary>A qualifying-severe (重度失能二级) or a moderate (中度失能) conclusion, both experts confirming two days after the application.</summary>
    private static Task<(Guid Application, Application.Assessment.ConfirmConclusion.ConclusionConfirmation Confirmation)> ConcludeAsync(
        AssessmentDesk desk, Agency agency, InsuredPerson person, DateOnly applied, bool severe) =>
        desk.ConcludeAsync(agency, person, applied, new DateOnly(2030, 1, 1), severe ? AssessmentDesk.National(0, [1, 1, 1, 0], [4, 4, 4]) : Moderate());

    private static async Task<(Guid Application, Application.Assessment.ConfirmConclusion.ConclusionConfirmation Confirmation)> ConcludeAsync(
        AssessmentDesk desk, Agency agency, string name, DateOnly applied, bool severe) =>
        await ConcludeAsync(desk, agency, await desk.EnrolledEmployeeAsync(name, "321102", new DateOnly(2024, 1, 1)), applied, severe);

    /// <summary>The national standard's 中度失能 example (医保办发〔2021〕37号).</summary>
    private static Dictionary<string, int> Moderate() => new()
    {
        ["feeding"] = 0, ["bathing"] = 5, ["grooming"] = 5, ["dressing"] = 10, ["bowels"] = 5, ["bladder"] = 0, ["toilet"] = 5,
        ["transfer"] = 10, ["mobility"] = 15, ["stairs"] = 5, ["time_orientation"] = 3, ["person_orientation"] = 1, ["place_orientation"] = 1,
        ["memory"] = 0, ["vision"] = 1, ["hearing"] = 1, ["communication"] = 1,
    };

    private async Task<int> FeeEntriesAsync(Guid application)
    {
        await using var db = database.App(TenantIds.Zhenjiang);
        return await db.Set<JournalEntryRecord>().CountAsync(e => e.IdempotencyKey == $"assessment-fee:{application:N}");
    }

    /// <summary>Completion period, 公示 of 7 calendar days and expiry reminders from 2032 (the fee stays unset), once per cluster.</summary>
    private async Task SetUpAsync(AssessmentDesk desk)
    {
        await desk.SetCompletionPeriodAsync();
        await Once.WaitAsync();
        try
        {
            if (!Set.Add(database.Server.AppConnectionString))
                return;
            var admins = new ParameterAdmins(database.Server.AppConnectionString, desk.Tenant);
            await admins.SetAsync(EntitlementParameters.PublicityDays, "7", From2032);
            await admins.SetAsync(EntitlementParameters.PublicityDayCounting, EntitlementParameters.CalendarDays, From2032);
            await admins.SetAsync(EntitlementParameters.ExpiryReminderDays, "30", From2032);
        }
        finally
        {
            Once.Release();
        }
    }
}
