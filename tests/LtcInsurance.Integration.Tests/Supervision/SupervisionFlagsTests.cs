using LtcInsurance.Application.Claims.SubmitClaim;
using LtcInsurance.Application.Supervision;
using LtcInsurance.Application.Supervision.GetFlag;
using LtcInsurance.Application.Supervision.ListFlags;
using LtcInsurance.Application.Supervision.RecordFlagOutcome;
using LtcInsurance.Application.Supervision.RunSupervision;
using LtcInsurance.Application.Supervision.SanctionFlaggedProvider;
using LtcInsurance.Cli.Supervision;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Providers;
using LtcInsurance.Domain.Supervision;
using LtcInsurance.Domain.Supervision.Rules;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Claims;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Supervision;

/// <summary>
/// The anomaly rules over seeded data (issue #14: "seeded data where each anomaly rule fires exactly where planted and
/// nowhere else"): claims of a month no other test uses, with one planted case per rule beside innocent lines; the run
/// flags exactly the planted records, a second run raises nothing new, an outcome is appended (and cannot be changed)
/// and a confirmed flag feeds the sanctions register. A claim submitted through the use case is screened at once.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class SupervisionFlagsTests(RegisterDatabase database)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly DateOnly July = new(2031, 7, 1);

    private static DateOnly Day(int day) => July.AddDays(day - 1);

    [Fact]
    public async Task Each_rule_flags_exactly_the_planted_records_and_outcomes_are_append_only()
    {
        var desk = new ClaimsDesk(database.Server.AppConnectionString, TenantIds.Jining, new FixedClock(new DateTimeOffset(2031, 8, 20, 9, 0, 0, Beijing)));
        var p1 = await desk.InstitutionAsync("监管测试护理院甲", "370811", ["home", "institution"], null);
        var p2 = await desk.InstitutionAsync("监管测试护理院乙", "370811", ["home", "institution"], null);
        var p9 = await desk.InstitutionAsync("监管测试护理院异常", "370811", ["home"], null);
        var peers = new List<Institution>();
        for (var i = 0; i < 5; i++)
            peers.Add(await desk.InstitutionAsync($"监管测试同类{i}", "370811", ["home"], null));

        async Task<(InsuredPerson Person, Guid Entitlement)> Beneficiary(string name, Institution provider, string mode, DateOnly from)
        {
            var person = await desk.PersonAsync(name, "370811");
            var entitlement = await desk.EntitleAsync(person, provider, 3, mode, from, "SV01");
            return (person, entitlement.Id);
        }

        var june = July.AddMonths(-1);
        var alice = await Beneficiary("监甲", p1, "home", june);
        var bob = await Beneficiary("监乙", p1, "home", june);
        var carol = await Beneficiary("监丙", p1, "home", Day(10));
        var dave = await Beneficiary("监丁", p1, "home", june);
        var erin = await Beneficiary("监戊", p1, "institution", june);
        var frank = await Beneficiary("监己", p1, "institution", june);
        var gina = await Beneficiary("监庚", p1, "home", june);
        var henry = await Beneficiary("监辛", p2, "home", june);
        var ivan = await Beneficiary("监壬", p9, "home", june);
        await desk.HospitalStayAsync(alice.Person, Day(8), Day(12));
        Guid w1, w2;
        await using (var db = desk.App())
        {
            var person = await db.InsuredPeople.SingleAsync(p => p.Id == bob.Person.Id);
            db.DeathRecords.Add(person.RecordDeath(Day(20), DateTimeOffset.UtcNow));
            var nurse = CareWorker.Register(desk.Tenant, p1.Id, "监护一", "370811199001010011", [], "test", DateTimeOffset.UtcNow);
            var other = CareWorker.Register(desk.Tenant, p1.Id, "监护二", "370811199001010022", [], "test", DateTimeOffset.UtcNow);
            db.AddRange(nurse, other);
            await db.SaveChangesAsync();
            (w1, w2) = (nurse.Id, other.Id);
        }

        var p1Claim = await ClaimAsync(desk, p1, [
            (1, alice, 10, "home", "care", "SV01", 1m, 15m, null),        // in hospital
            (2, alice, 20, "home", "care", "SV01", 1m, 15m, null),
            (3, bob, 25, "home", "care", "SV01", 1m, 15m, null),          // after death
            (4, bob, 15, "home", "care", "SV01", 1m, 15m, null),
            (5, carol, 3, "home", "care", "SV01", 1m, 15m, null),         // before entitlement (and so before its plan)
            (6, dave, 12, "home", "care", "SV99", 1m, 15m, null),         // outside the care plan
            (7, gina, 12, "home", "care", "SV01", 1m, 15m, w1),           // care worker also at p2 that day
            (8, gina, 14, "home", "care", "SV01", 1m, 15m, w2),
            (9, erin, 5, "institution", "care", "SV01", 1m, 15m, null),   // institution care also claimed by p2
            (10, frank, 1, "institution", "care", "SV01", 20m, 15m, null), // 32 care days in a 31-day month
            (11, frank, 21, "institution", "care", "SV01", 12m, 15m, null),
        ]);
        var p2Claim = await ClaimAsync(desk, p2, [
            (1, henry, 12, "home", "care", "SV01", 1m, 70m, w1),
            (2, erin, 5, "institution", "bed", "BED", 1m, 70m, null),
        ]);
        var p9Claim = await ClaimAsync(desk, p9, [(1, ivan, 9, "home", "care", "SV01", 1m, 5_000m, null)]); // far above its peers
        var peerClaims = new List<Guid>();
        for (var i = 0; i < peers.Count; i++)
        {
            var someone = await Beneficiary($"监同{i}", peers[i], "home", june);
            peerClaims.Add(await ClaimAsync(desk, peers[i], [(1, someone, 9, "home", "care", "SV01", 1m, 100m + (20 * i), null)]));
        }

        await using var auditor = desk.Auditor();
        var run = await auditor.Send(new RunSupervisionCommand("2031-07"));
        Assert.Equal(["2031-07"], run.Months);

        var mine = new[] { p1Claim, p2Claim, p9Claim }.Concat(peerClaims).ToList();
        List<AnomalyFlag> flags;
        await using (var db = desk.App())
            flags = await db.Set<AnomalyFlag>().AsNoTracking().Where(f => f.ClaimId != null && mine.Contains(f.ClaimId.Value)).ToListAsync();
        var found = flags.Select(f => (f.RuleCode, f.ClaimId!.Value, f.LineNo)).OrderBy(f => f.RuleCode, StringComparer.Ordinal).ThenBy(f => f.Item3).ThenBy(f => f.Value).ToList();
        var planted = new List<(string, Guid, int?)>
        {
            (ServiceDuringHospitalStay.RuleCode, p1Claim, 1),
            (ServiceAfterDeath.RuleCode, p1Claim, 3),
            (ServiceBeforeEntitlement.RuleCode, p1Claim, 5),
            (ServiceOutsideCarePlan.RuleCode, p1Claim, 5),
            (ServiceOutsideCarePlan.RuleCode, p1Claim, 6),
            (CareWorkerInTwoPlaces.RuleCode, p1Claim, 7),
            (CareWorkerInTwoPlaces.RuleCode, p2Claim, 1),
            (InstitutionCareByTwoProviders.RuleCode, p1Claim, 9),
            (InstitutionCareByTwoProviders.RuleCode, p2Claim, 2),
            (CareDaysBeyondMonth.RuleCode, p1Claim, 10),
            (ProviderMonthlyTotalOutlier.RuleCode, p9Claim, null),
            (ProviderAverageOutlier.RuleCode, p9Claim, null),
        };
        Assert.Equal(planted.OrderBy(f => f.Item1, StringComparer.Ordinal).ThenBy(f => f.Item3).ThenBy(f => f.Item2).ToList(), found);
        Assert.All(flags, f => Assert.Equal("manual", f.Source));
        var death = flags.Single(f => f.RuleCode == ServiceAfterDeath.RuleCode);
        Assert.Contains("\"dateOfDeath\": \"2031-07-20\"", death.Evidence, StringComparison.Ordinal); // jsonb's own spacing
        Assert.Contains("22号", death.Clause, StringComparison.Ordinal);

        // a second run finds the same and raises nothing new
        var again = await auditor.Send(new RunSupervisionCommand("2031-07"));
        Assert.Equal(0, again.RaisedTotal);

        // so does `ltc supervise run`, as a job through the shell it shares with `ltc billing run`; a bad month is refused
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] cli = ["--tenant", desk.Tenant, "--connection", database.Server.AppConnectionString, "--month"];
        Assert.Equal(0, await SuperviseRunCommand.RunAsync([.. cli, "2031-07"], stdout, stderr));
        Assert.Contains("months 2031-07", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("新增 / new 0", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await SuperviseRunCommand.RunAsync([.. cli, "2031-13"], stdout, stderr));
        Assert.Contains("拒绝 / refused [invalid_input]", stderr.ToString(), StringComparison.Ordinal);

        // the queue filters by rule and provider
        var byRule = await auditor.Send(new ListFlagsQuery(new FlagFilter(ServiceAfterDeath.RuleCode, null, null, null, p1.Code), 0, 50));
        Assert.Equal(death.Id, Assert.Single(byRule.Items).Id);

        // the auditor confirms the outlier; the outcome is appended with who and when
        var outlier = flags.Single(f => f.RuleCode == ProviderMonthlyTotalOutlier.RuleCode);
        await auditor.Send(new RecordFlagOutcomeCommand(outlier.Id, FlagOutcomes.Confirmed, "核实：虚增服务次数"));
        var detail = await auditor.Send(new GetFlagQuery(outlier.Id));
        Assert.Equal(FlagOutcomes.Confirmed, detail!.Flag.Status);
        var outcome = Assert.Single(detail.Outcomes);
        Assert.Equal("auditor.test." + desk.Tenant, outcome.RecordedBy);
        Assert.Contains(detail.Evidence, e => e.Key == "相对同类 z 值");

        // the application role cannot change an outcome
        await using (var db = desk.App())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var refused = await Assert.ThrowsAsync<PostgresException>(() =>
                db.Database.ExecuteSqlRawAsync("UPDATE anomaly_flag_outcomes SET note = 'changed' WHERE flag_id = {0}", outlier.Id));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        // an open flag cannot be sanctioned; the confirmed one feeds the sanctions register through the provider use case
        await using var clerk = desk.Clerk("clerk.supervision");
        await Assert.ThrowsAsync<Domain.Common.BusinessRuleViolationException>(() =>
            clerk.Send(new SanctionFlaggedProviderCommand(death.Id, new DateOnly(2031, 8, 20), null, "不应登记")));
        var sanctionId = await clerk.Send(new SanctionFlaggedProviderCommand(outlier.Id, new DateOnly(2031, 8, 20), new DateOnly(2031, 12, 31), "暂停结算"));
        await using (var db = desk.App())
        {
            var sanction = await db.Set<Sanction>().SingleAsync(s => s.Id == sanctionId);
            Assert.Equal(p9.Id, sanction.SubjectId);
            Assert.Equal(sanctionId, (await db.Set<AnomalyFlag>().SingleAsync(f => f.Id == outlier.Id)).SanctionId);
        }
    }

    [Fact]
    public async Task A_submitted_claim_is_screened_at_once_and_its_flags_name_the_submission()
    {
        var desk = new ClaimsDesk(database.Server.AppConnectionString, TenantIds.Jining, new FixedClock(new DateTimeOffset(2031, 10, 2, 9, 0, 0, Beijing)));
        await desk.SetClaimParametersAsync(1_000_000m);
        var hospital = await desk.InstitutionAsync("监管测试二级医院", "370881", ["medical_special"], 2);
        var person = await desk.PersonAsync("监专护", "370881");
        await desk.EntitleAsync(person, hospital, 3, "medical_special", new DateOnly(2031, 8, 1), "SV-MC01");
        await desk.CatalogueAsync(("SV-MC01", LineCategories.MedicalCare, 200m, null));
        await using (var db = desk.App())
        {
            var tracked = await db.InsuredPeople.SingleAsync(p => p.Id == person.Id);
            db.DeathRecords.Add(tracked.RecordDeath(new DateOnly(2031, 9, 5), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var lines = Enumerable.Range(1, 7).Select(d => new ClaimLineInput(d, person.IdNumber.Value, new DateOnly(2031, 9, d), "SV-MC01", 1m, 200m)).ToList();
        await using var institution = desk.Provider(hospital.Code);
        var submitted = await institution.Send(new SubmitClaimCommand(hospital.Code, "2031-09", lines, "sup-1"));
        Assert.True(submitted.Accepted);

        await using var auditor = desk.Auditor();
        var flags = await auditor.Send(new ListFlagsQuery(new FlagFilter(null, null, null, submitted.ClaimId), 0, 50));
        Assert.Equal([6, 7], flags.Items.Select(f => f.LineNo!.Value).Order());
        Assert.All(flags.Items, f => Assert.Equal((ServiceAfterDeath.RuleCode, "submission"), (f.RuleCode, f.Source)));
    }

    [Fact]
    public async Task Assessment_rules_flag_exactly_the_planted_assessors_and_复评_jumps()
    {
        var desk = new ClaimsDesk(database.Server.AppConnectionString, TenantIds.Jining, new FixedClock(new DateTimeOffset(2031, 6, 20, 9, 0, 0, Beijing)));
        var agency = AssessmentAgency.Designate(desk.Tenant, "SV-AG-" + Guid.NewGuid().ToString("N")[..8], "监管测试评估所", new DateOnly(2020, 1, 1), null, null, false);
        var staff = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using (var db = desk.App())
        {
            db.Add(agency);
            foreach (var name in new[] { "A1", "A2", "B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2" })
            {
                var member = Assessor.Register(desk.Tenant, agency.Id, "监评" + name, name.EndsWith('1') ? AssessorQualifications.Expert : AssessorQualifications.Assessor,
                    "SV-" + Guid.NewGuid().ToString("N")[..10], null);
                db.Add(member);
                staff[name] = member.Id;
            }

            await db.SaveChangesAsync();
        }

        var n = 0;
        async Task<Guid> ConcludedAsync(string pair, int level, Guid? reviewOf = null, Guid? person = null)
        {
            var who = person ?? (await desk.PersonAsync($"监评人{++n}", "370811")).Id;
            return await ConclusionRowsAsync(desk, agency.Id, who, [staff[pair + "1"], staff[pair + "2"]], level, new DateOnly(2031, 5, 10), reviewOf);
        }

        // A1 and A2: ten conclusions, all 重度失能三级 (planted); B1 and B2: ten, 7 at one level (70 % < 80 %);
        // C1 and C2: nine at one level (fewer than the ten needed before a distribution is judged)
        for (var i = 0; i < 10; i++)
            await ConcludedAsync("A", 5);
        for (var i = 0; i < 10; i++)
            await ConcludedAsync("B", i < 7 ? 5 : 4);
        for (var i = 0; i < 9; i++)
            await ConcludedAsync("C", 3);

        // 复评 by E of conclusions by D: 5 → 2 (planted), 2 → 4 (planted, two levels: the threshold), 5 → 4 (one level: innocent)
        var sharp = new List<Guid>();
        var mild = new List<Guid>();
        foreach (var (from, to) in new[] { (5, 2), (2, 4), (5, 4) })
        {
            var person = (await desk.PersonAsync($"监复评{from}{to}", "370811")).Id;
            var original = await ConcludedAsync("D", from, person: person);
            var review = await ConcludedAsync("E", to, original, person);
            (Math.Abs(to - from) >= 2 ? sharp : mild).Add(review);
        }

        await using var auditor = desk.Auditor();
        await auditor.Send(new RunSupervisionCommand("2031-05"));

        var mine = staff.Values.Concat(sharp).Concat(mild).ToList();
        List<AnomalyFlag> flags;
        await using (var db = desk.App())
            flags = await db.Set<AnomalyFlag>().AsNoTracking().Where(f => mine.Contains(f.SubjectId)).ToListAsync();
        var found = flags.Select(f => (f.RuleCode, f.SubjectId)).Order().ToList();
        var planted = new List<(string, Guid)>
        {
            (AssessorSameLevel.RuleCode, staff["A1"]),
            (AssessorSameLevel.RuleCode, staff["A2"]),
            (ReviewLevelJump.RuleCode, sharp[0]),
            (ReviewLevelJump.RuleCode, sharp[1]),
        };
        Assert.Equal(planted.Order().ToList(), found);

        var assessor = flags.First(f => f.SubjectId == staff["A1"]);
        Assert.Equal(FlagSubjects.Assessor, assessor.SubjectKind);
        Assert.Contains("\"cases\": 10", assessor.Evidence, StringComparison.Ordinal);
        Assert.Contains("\"level\": 5", assessor.Evidence, StringComparison.Ordinal);
        Assert.Contains("YZ 四(六)", assessor.Clause, StringComparison.Ordinal);

        // the auditor reads the assessor by name and agency, not by id alone
        var opened = (await auditor.Send(new GetFlagQuery(assessor.Id)))!;
        Assert.Contains(new KeyValuePair<string, string>("评估人员", "监评A1"), opened.Evidence);
        Assert.Contains(new KeyValuePair<string, string>("评估机构", "监管测试评估所"), opened.Evidence);
        Assert.Contains(new KeyValuePair<string, string>("评估人员编号", staff["A1"].ToString()), opened.Evidence);
        var jump = flags.Single(f => f.SubjectId == sharp[0]);
        Assert.Equal(FlagSubjects.Application, jump.SubjectKind);
        Assert.Contains("\"change\": -3", jump.Evidence, StringComparison.Ordinal);

        // the auditor dismisses one: the outcome is stored with who
        await auditor.Send(new RecordFlagOutcomeCommand(jump.Id, FlagOutcomes.Dismissed, "复评时病情确有变化"));
        Assert.Equal(FlagOutcomes.Dismissed, (await auditor.Send(new GetFlagQuery(jump.Id)))!.Flag.Status);
    }

    /// <summary>
    /// An assessment concluded as the assessment use cases leave it (application concluded at <paramref name="level"/> of the
    /// national 2021 standard, its on-site record by two staff confirmed by two experts), written as rows by the application
    /// role: the rules read only these columns, and ten real assessment paths per assessor would make the test slow.
    /// </summary>
    private static async Task<Guid> ConclusionRowsAsync(ClaimsDesk desk, Guid agency, Guid person, Guid[] staff, int level, DateOnly on, Guid? reviewOf)
    {
        var application = Guid.CreateVersion7();
        var kind = reviewOf is null ? ApplicationKinds.Initial : ApplicationKinds.Review;
        string[] labels = ["能力完好", "轻度失能", "中度失能", "重度失能一级", "重度失能二级", "重度失能三级"];
        var label = labels[level];
        await using var db = desk.App();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO assessment_applications (tenant_id, id, person_id, applicant_kind, applicant_name, applied_on, condition_changed,
                provided_documents, status, acceptance_due_on, complete_by, decided_on, agency_id, assigned_on, assessment_due_on,
                concluded_on, conclusion_level, conclusion_level_label, conclusion_instrument, registered_by, registered_at, kind,
                review_of_id, recused_staff_ids)
            VALUES ({desk.Tenant}, {application}, {person}, {ApplicantKinds.Person}, {"监管测试申请人"}, {on.AddDays(-20)}, false,
                {new[] { ApplicationDocuments.IdCard, ApplicationDocuments.MedicalRecords }}, {ApplicationStatuses.Concluded}, {on.AddDays(-15)},
                {on.AddDays(-10)}, {on.AddDays(-19)}, {agency}, {on.AddDays(-18)}, {on.AddDays(-4)}, {on}, {level}, {label}, {"national2021"},
                {"clerk.supervision"}, {DateTimeOffset.UtcNow}, {kind}, {reviewOf}, {Array.Empty<Guid>()})
            """);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO assessment_records (tenant_id, id, application_id, agency_id, assessed_on, staff_ids, attendant_name, attendant_relation,
                evidence_references, instrument, items, totals, level, level_label, eligible_for_benefit, trace, recorded_by, recorded_at,
                first_expert_id, first_confirmed_by, first_confirmed_on, second_expert_id, second_confirmed_by, second_confirmed_on)
            VALUES ({desk.Tenant}, {Guid.CreateVersion7()}, {application}, {agency}, {on.AddDays(-2)}, {staff}, {"监护人"}, {"女儿"},
                {"现场照片（测试）"}, {"national2021"}, {"{}"}::jsonb, {"{}"}::jsonb, {level}, {label}, {level >= 3}, {"{}"}::jsonb,
                {"assessor.supervision"}, {DateTimeOffset.UtcNow}, {staff[0]}, {"expert.one"}, {on}, {Guid.CreateVersion7()}, {"expert.two"}, {on})
            """);
        await transaction.CommitAsync();
        return application;
    }

    private static async Task<Guid> ClaimAsync(ClaimsDesk desk, Institution provider,
        IReadOnlyList<(int No, (InsuredPerson Person, Guid Entitlement) Who, int Day, string Mode, string Category, string Item, decimal Quantity, decimal Amount, Guid? Worker)> lines)
    {
        await using var db = desk.App();
        var claim = Claim.Submit(desk.Tenant, provider.Id, provider.Code, Month.Of(July), 1, "sup-" + Guid.NewGuid().ToString("N"), "hash", "test", DateTimeOffset.UtcNow);
        foreach (var l in lines)
        {
            var line = claim.AddLine(l.No, l.Who.Person.Id, l.Who.Entitlement, l.Mode, Day(l.Day), l.Item, l.Category, l.Quantity, l.Amount, l.Worker, []);
            line.Individual = l.Amount;
        }

        claim.Settle([]);
        db.Add(claim);
        await db.SaveChangesAsync();
        return claim.Id;
    }
}
