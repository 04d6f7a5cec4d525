using LtcInsurance.Application.Assessment.AddApplicationDocuments;
using LtcInsurance.Application.Assessment.AssignApplication;
using LtcInsurance.Application.Assessment.ConfirmConclusion;
using LtcInsurance.Application.Assessment.DecideAcceptance;
using LtcInsurance.Application.Assessment.DeclareRelation;
using LtcInsurance.Application.Assessment.DesignateAgency;
using LtcInsurance.Application.Assessment.RecordOnSiteAssessment;
using LtcInsurance.Application.Assessment.RegisterApplication;
using LtcInsurance.Application.Assessment.RegisterAssessor;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Users.CreateUser;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Vocabulary;
using LtcInsurance.Integration.Tests.Enrollment;
using LtcInsurance.Integration.Tests.Policies;

namespace LtcInsurance.Integration.Tests.Assessment;

/// <summary>
/// The people of one tenant's assessment path, each sending the use cases as the pages do: a clerk, an admin, and the
/// staff of one agency (two experts and an assessor, each signed in as their own user).
/// </summary>
internal sealed class AssessmentDesk(RegisterDatabase database, string tenant)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly HashSet<(string Server, string Tenant)> CompletionSet = [];
    private static int _sequence;

    public string Tenant => tenant;

    public UseCaseHost Clerk() => database.Host(tenant, Roles.Clerk);

    public UseCaseHost AssessorUser(string userName) =>
        UseCaseHost.As(database.Server.AppConnectionString, new CurrentUser("id-" + userName, userName, tenant, [Roles.Assessor]));

    /// <summary>Sets the tenant's completion period (a figure without a default) to 30 days once per test cluster.</summary>
    public async Task SetCompletionPeriodAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (CompletionSet.Add((database.Server.AppConnectionString, tenant)))
                await new ParameterAdmins(database.Server.AppConnectionString, tenant)
                    .SetAsync(CommonParameters.ApplicationCompletionDays, "30", new DateOnly(2020, 1, 1));
        }
        finally
        {
            Once.Release();
        }
    }

    public async Task<InsuredPerson> EnrolledEmployeeAsync(string name, string region, DateOnly enrolFrom, decimal? monthlyBase = null)
    {
        await using var db = database.App(tenant);
        var person = await RegisterDatabase.AddPersonAsync(db, name, region, new DateOnly(1945, 5, 5),
            MedicalInsuranceScheme.Employee, EmploymentStatus.Retired);
        var decision = await database.Enrollment(db).EnrollAsync(new EnrollRequest(person.Id, enrolFrom, MonthlyBase: monthlyBase));
        Assert.True(decision.Enrolled, decision.Message);
        return person;
    }

    public async Task<Guid> InstitutionAsync(string name, string region, params ServiceMode[] modes) =>
        (await InstitutionWithCodeAsync(name, region, modes)).Id;

    public async Task<(Guid Id, string Code)> InstitutionWithCodeAsync(string name, string region, params ServiceMode[] modes)
    {
        await using var db = database.App(tenant);
        var institution = new Institution
        {
            TenantId = tenant, Code = "CARE-" + Interlocked.Increment(ref _sequence), Name = name, RegionCode = region,
            ServiceModes = [.. modes.Select(m => m.Code())],
        };
        db.Institutions.Add(institution);
        await db.SaveChangesAsync();
        return (institution.Id, institution.Code);
    }

    /// <summary>A user of this city created by a platform admin (one role, bound as given); the one-time password is not needed here.</summary>
    public async Task CreateUserAsync(string userName, string role, string? institutionCode = null, string? agencyCode = null)
    {
        await using var platform = UseCaseHost.As(database.Server.AppConnectionString, new CurrentUser("platform-test", "platform.test", null, [Roles.Admin]));
        var created = await platform.Send(new CreateUserCommand(tenant, userName, userName, role, institutionCode, agencyCode));
        Assert.True(created.Done, created.Refusal);
    }

    /// <summary>The use cases as a user of this city with one role, signed in under <paramref name="userName"/>.</summary>
    public UseCaseHost As(string userName, string role) =>
        UseCaseHost.As(database.Server.AppConnectionString, new CurrentUser("id-" + userName, userName, tenant, [role]));

    public async Task<Guid> RegisterAsync(InsuredPerson person, DateOnly on, DateOnly? disabledSince, string kind = ApplicantKinds.Person,
        string[]? documents = null, bool conditionChanged = false, Guid? applyingInstitution = null, Guid? careInstitution = null)
    {
        await using var clerk = Clerk();
        var registered = await clerk.Send(new RegisterApplicationCommand(new PersonId(person.Id), kind, "申请人" + person.Name, on,
            documents ?? [ApplicationDocuments.IdCard, ApplicationDocuments.MedicalRecords], disabledSince, conditionChanged, applyingInstitution, careInstitution));
        return registered.ApplicationId;
    }

    public async Task<AcceptanceOutcome> DecideAsync(Guid application, DateOnly on)
    {
        await using var clerk = Clerk();
        return await clerk.Send(new DecideAcceptanceCommand(application, on));
    }

    public async Task AddDocumentsAsync(Guid application, params string[] documents)
    {
        await using var clerk = Clerk();
        await clerk.Send(new AddApplicationDocumentsCommand(application, documents));
    }

    /// <summary>An agency with two experts and two assessors, each signing in as their own assessor-role user bound to the agency.</summary>
    public async Task<Agency> AgencyAsync(string name, Guid? careInstitution = null, bool handling = false)
    {
        var n = Interlocked.Increment(ref _sequence);
        var users = new[] { $"expert-a-{n}.{tenant}", $"expert-b-{n}.{tenant}", $"assessor-c-{n}.{tenant}", $"assessor-d-{n}.{tenant}" };
        foreach (var user in users)
            await CreateUserAsync(user, Roles.Assessor, agencyCode: $"AG-{n}");
        await using var clerk = Clerk();
        var id = await clerk.Send(new DesignateAgencyCommand($"AG-{n}", name, new DateOnly(2020, 1, 1), null, careInstitution, handling));
        var a = await clerk.Send(new RegisterAssessorCommand(id, "专家甲", AssessorQualifications.Expert, $"E-{n}-1", users[0]));
        var b = await clerk.Send(new RegisterAssessorCommand(id, "专家乙", AssessorQualifications.Expert, $"E-{n}-2", users[1]));
        var c = await clerk.Send(new RegisterAssessorCommand(id, "评估员丙", AssessorQualifications.Assessor, $"A-{n}-3", users[2]));
        var d = await clerk.Send(new RegisterAssessorCommand(id, "评估员丁", AssessorQualifications.Assessor, $"A-{n}-4", users[3]));
        return new Agency(id, a, b, c, d, users[0], users[1], users[2]);
    }

    public async Task<DateOnly> AssignAsync(Guid application, Guid agency, DateOnly on, DateOnly due)
    {
        await using var clerk = Clerk();
        return await clerk.Send(new AssignApplicationCommand(application, agency, on, due));
    }

    public async Task DeclareRelationAsync(Guid assessor, InsuredPerson person, string relation, DateOnly on)
    {
        await using var clerk = Clerk();
        await clerk.Send(new DeclareRelationCommand(assessor, new PersonId(person.Id), relation, on));
    }

    public async Task<OnSiteAssessmentRecorded> RecordAsync(Agency agency, Guid application, DateOnly on, Guid[] staff, IReadOnlyDictionary<string, int> items)
    {
        await using var assessor = AssessorUser(agency.AssessorUser);
        return await assessor.Send(new RecordOnSiteAssessmentCommand(application, on, staff, "王监护", "女儿",
            "现场照片 IMG_0001.jpg；视频 VID_0001.mp4（档案号 ZP-001）", items));
    }

    public async Task<ConclusionConfirmation> ConfirmAsync(string userName, Guid assessment, DateOnly on)
    {
        await using var expert = AssessorUser(userName);
        return await expert.Send(new ConfirmConclusionCommand(assessment, on));
    }

    /// <summary>
    /// An application of <paramref name="person"/> taken to its conclusion: registered and accepted on <paramref name="applied"/>,
    /// assigned to <paramref name="agency"/> for 14 days, the items recorded the day after by its first expert and an assessor,
    /// both experts confirming two days after the application. Answers the application and the concluding confirmation.
    /// </summary>
    public async Task<(Guid Application, ConclusionConfirmation Confirmation)> ConcludeAsync(Agency agency, InsuredPerson person,
        DateOnly applied, DateOnly? disabledSince, IReadOnlyDictionary<string, int> items)
    {
        var application = await RegisterAsync(person, applied, disabledSince);
        var decision = await DecideAsync(application, applied);
        Assert.True(decision.Outcome == AcceptanceDecision.Accept, decision.Message);
        await AssignAsync(application, agency.Id, applied, applied.AddDays(14));
        var recorded = await RecordAsync(agency, application, applied.AddDays(1), [agency.ExpertA, agency.AssessorC], items);
        await ConfirmAsync(agency.ExpertAUser, recorded.AssessmentId, applied.AddDays(2));
        return (application, await ConfirmAsync(agency.ExpertBUser, recorded.AssessmentId, applied.AddDays(2)));
    }

    /// <summary>Every item of the national standard at the given score per indicator (ADL item scores by code).</summary>
    public static Dictionary<string, int> National(int adlEach, int[] cognition, int[] perception)
    {
        var items = new Dictionary<string, int>();
        foreach (var code in new[] { "feeding", "dressing", "grooming", "bowels", "bladder", "toilet", "mobility", "transfer", "stairs", "bathing" })
            items[code] = adlEach;
        string[] cognitionCodes = ["time_orientation", "person_orientation", "place_orientation", "memory"];
        string[] perceptionCodes = ["vision", "hearing", "communication"];
        for (var i = 0; i < 4; i++)
            items[cognitionCodes[i]] = cognition[i];
        for (var i = 0; i < 3; i++)
            items[perceptionCodes[i]] = perception[i];
        return items;
    }
}

internal sealed record Agency(Guid Id, Guid ExpertA, Guid ExpertB, Guid AssessorC, Guid AssessorD, string ExpertAUser, string ExpertBUser, string AssessorUser);
