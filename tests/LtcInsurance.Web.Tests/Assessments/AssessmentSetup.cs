using LtcInsurance.Application.Assessment.DecideAcceptance;
using LtcInsurance.Application.Assessment.DesignateAgency;
using LtcInsurance.Application.Assessment.RegisterApplication;
using LtcInsurance.Application.Assessment.RegisterAssessor;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Enrollment.Enrol;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Users.CreateUser;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Web.Tests.Billing;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Assessments;

/// <summary>
/// What the assessment browser tests set up before the page is opened, through the use cases: a person of their own, an
/// accepted application, and an agency whose two experts are users bound to it (RegisterAssessor checks the binding).
/// </summary>
internal static class AssessmentSetup
{
    /// <summary>Item scores of the national standard (national2021) that conclude 重度失能二级.</summary>
    public static readonly IReadOnlyDictionary<string, int> SevereLevelTwoScores = new Dictionary<string, int>
    {
        ["feeding"] = 0, ["dressing"] = 0, ["grooming"] = 0, ["bowels"] = 0, ["bladder"] = 0, ["toilet"] = 0, ["mobility"] = 0,
        ["transfer"] = 0, ["stairs"] = 0, ["bathing"] = 0, ["time_orientation"] = 1, ["person_orientation"] = 1, ["place_orientation"] = 1,
        ["memory"] = 0, ["vision"] = 4, ["hearing"] = 4, ["communication"] = 4,
    };

    /// <summary>
    /// On the open application page (/assessments/{id}), as one of the agency's experts: 专家甲 and 评估员丙 on site, the
    /// attendant, the evidence references and every item of <see cref="SevereLevelTwoScores"/>, then 记录; waits for the level.
    /// </summary>
    public static async Task EnterSevereLevelTwoOnPageAsync(IPage page)
    {
        await page.Locator("[data-testid=assess-onsite-form]").WaitForAsync();
        await page.GetByLabel("专家甲（评估专家）").CheckAsync();
        await page.GetByLabel("评估员丙（评估员）").CheckAsync();
        await page.FillAsync("#assess-attendant", "赵女儿");
        await page.FillAsync("#assess-relation", "女儿");
        await page.FillAsync("#assess-evidence", "IMG_0001.jpg；VID_0001.mp4");
        foreach (var (item, score) in SevereLevelTwoScores)
            await page.Locator($"[data-testid=item-{item}]").GetByRole(AriaRole.Radio, new() { Name = score.ToString(System.Globalization.CultureInfo.InvariantCulture), Exact = true })
                .CheckAsync(new() { Force = true });
        await page.ClickAsync("[data-testid=assess-record]");
        await page.Locator("[data-testid=assess-level]", new() { HasTextString = "重度失能二级" }).WaitForAsync();
    }

    /// <summary>Today in China, where the documents' dates are.</summary>
    public static DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    /// <summary>A new person in region 321102 (Zhenjiang) born on <paramref name="birthDate"/>, with an ID number not yet taken.</summary>
    public static async Task<(Guid Id, string IdNumber)> AddPersonAsync(LtcWebHost host, string tenant, string name, DateOnly birthDate)
    {
        var id = Guid.CreateVersion7();
        for (var attempt = 0; ; attempt++)
        {
            var number = IdNumber.Create("321102", birthDate, Random.Shared.Next(100, 999)).Value;
            try
            {
                return (await host.QueryAsOwnerAsync<Guid>(
                    """
                    insert into insured_people (tenant_id, id, id_number, name, sex, birth_date, region_code, medical_insurance, employment, created_at)
                    values (@tenant, @id, @number, @name, 'female', @birth, '321102', 'employee', 'retired', now())
                    returning id
                    """,
                    ("tenant", tenant), ("id", id), ("number", number), ("name", name), ("birth", birthDate)), number);
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == "23505" && attempt < 5)
            {
                // That ID number is taken: draw another.
            }
        }
    }

    /// <summary>
    /// Enrols the person from 2024-01-01, registers an application on <paramref name="registered"/> with the documents
    /// every city requires, and accepts it on <paramref name="accepted"/>.
    /// </summary>
    public static async Task<Guid> AcceptedApplicationAsync(LtcWebHost host, string tenant, Guid personId, string applicant,
        DateOnly registered, DateOnly accepted)
    {
        await using var clerk = OperatorUseCases.For(host.AppConnectionString, tenant);
        await clerk.Sender.Send(new EnrolCommand(new PersonId(personId), new DateOnly(2024, 1, 1)));
        var application = (await clerk.Sender.Send(new RegisterApplicationCommand(new PersonId(personId), ApplicantKinds.Person, applicant,
            registered, [ApplicationDocuments.IdCard, ApplicationDocuments.MedicalRecords], new DateOnly(2025, 1, 1)))).ApplicationId;
        Assert.Equal(AcceptanceDecision.Accept, (await clerk.Sender.Send(new DecideAcceptanceCommand(application, accepted))).Outcome);
        return application;
    }

    /// <summary>
    /// An agency <paramref name="code"/> with two experts, 专家甲 and 专家乙, who sign in as assessor-role users
    /// <c>{userPrefix}a.{n}</c> and <c>{userPrefix}b.{n}</c> bound to the agency (one-time passwords), and 评估员丙,
    /// an assessor without a user. <paramref name="n"/> keeps names and certificate numbers unique.
    /// </summary>
    public static async Task<ExpertAgency> AgencyWithExpertsAsync(LtcWebHost host, string tenant, string code, string agencyName,
        string userPrefix, string n)
    {
        var (userA, userB) = ($"{userPrefix}a.{n}", $"{userPrefix}b.{n}");
        string passwordA, passwordB;
        await using (var platform = OperatorUseCases.As(host.AppConnectionString, new CurrentUser("test-platform", "platform.test", null, [Roles.Admin])))
        {
            var a = await platform.Sender.Send(new CreateUserCommand(tenant, userA, "专家甲", Roles.Assessor, AgencyCode: code));
            var b = await platform.Sender.Send(new CreateUserCommand(tenant, userB, "专家乙", Roles.Assessor, AgencyCode: code));
            Assert.True(a.Done && b.Done, a.Refusal ?? b.Refusal);
            (passwordA, passwordB) = (a.OneTimePassword!, b.OneTimePassword!);
        }

        await using var clerk = OperatorUseCases.For(host.AppConnectionString, tenant);
        var agency = await clerk.Sender.Send(new DesignateAgencyCommand(code, agencyName, new DateOnly(2020, 1, 1)));
        var expertA = await clerk.Sender.Send(new RegisterAssessorCommand(agency, "专家甲", AssessorQualifications.Expert, "E-" + n + "-1", userA));
        var expertB = await clerk.Sender.Send(new RegisterAssessorCommand(agency, "专家乙", AssessorQualifications.Expert, "E-" + n + "-2", userB));
        var assessorC = await clerk.Sender.Send(new RegisterAssessorCommand(agency, "评估员丙", AssessorQualifications.Assessor, "A-" + n + "-3"));
        return new ExpertAgency(agency, new(expertA, userA, passwordA), new(expertB, userB, passwordB), assessorC);
    }
}

/// <summary>An expert registered with an agency, and the user (with its one-time password) who signs in as them.</summary>
internal sealed record Expert(Guid AssessorId, string UserName, string OneTimePassword);

/// <summary>An agency made by <see cref="AssessmentSetup.AgencyWithExpertsAsync"/>: two experts and one assessor.</summary>
internal sealed record ExpertAgency(Guid AgencyId, Expert A, Expert B, Guid AssessorC);
