using System.Globalization;
using LtcInsurance.Application.Claims;
using LtcInsurance.Application.Claims.ApproveClaims;
using LtcInsurance.Application.Claims.FirstReviewClaims;
using LtcInsurance.Application.Claims.SecondReviewClaims;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Ledger.VerifyLedger;
using LtcInsurance.Application.Policies.DecideParameter;
using LtcInsurance.Application.Policies.ProposeParameter;
using LtcInsurance.Application.Security;
using LtcInsurance.Benchmarks.Common;
using LtcInsurance.Cli.Composition;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Postgres;
using LtcInsurance.Infrastructure.Tenancy;
using Npgsql;

namespace LtcInsurance.Benchmarks.Settlement;

/// <summary>
/// Claims settlement of 榆林 (institution care, March 2027) on a durable cluster, from submitted claims to posted ledger,
/// beside what PostgreSQL does with the same rows. One template (a provider, a beneficiary with application, entitlement
/// and confirmed care plan, a submitted claim of 30 lines) is written through the domain; then N beneficiaries, N / 100
/// providers (one claim each, 100 beneficiaries a claim) are cloned from it set-based as the owner, each line's amount
/// drawn between 50 % and 100 % of the price with a fixed seed (<c>setseed</c>). A run passes all claims through 初审
/// with one <see cref="FirstReviewClaimsCommand"/> (clerk A) and 复核 with one <see cref="SecondReviewClaimsCommand"/>
/// (clerk B), each timed on its own, and then approves all of them with one <see cref="ApproveClaimsCommand"/> (clerk C): bulk settlement, line results, settlements with their compact traces,
/// claim history and one payable entry per claim; the chain is verified after it. Reference: exactly the line results,
/// settlements, entries and postings the approval wrote, copied with <c>INSERT … SELECT</c> 10 claims a transaction into
/// tables with the same columns, keys and indexes (no triggers, no row-level security). The data are generated afresh
/// for each run (runs are different claims of the same shape).
/// BENCHMARK VALUES (not from any document): 榆林's benefit start 2027-01-01, per-capita income 36,000, claim window close
/// day 10, second approver above 10,000,000 (so one clerk approves: the two-approver rule is the integration tests').
/// </summary>
public static class SettlementLoad
{
    private const string Tenant = "yulin";
    private const string Region = "450902";
    private const int PerClaim = 100;
    private const int LinesPerPerson = 30;
    private const string Item = "BENCH-YL01";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var options = ScenarioRunner.Options(args, ("--beneficiaries", 5_000), ("--runs", 3));
        var beneficiaries = options["--beneficiaries"];
        var runs = options["--runs"];

        return await ScenarioRunner.OnDurableClusterAsync(seedDemoData: true, async (server, _) =>
        {
            var settings = await ScenarioRunner.SettingsAsync(server);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"settlement: {beneficiaries} beneficiaries × {LinesPerPerson} lines of {Tenant}, {PerClaim} a claim, {runs} runs; {ScenarioRunner.Machine()}; cluster: {settings}"));
            await ParametersAsync(server);
            await ScenarioRunner.ExecuteAsync(server, """
                CREATE TABLE ref_lines (LIKE claim_lines INCLUDING ALL);
                CREATE TABLE ref_settlements (LIKE claim_settlements INCLUDING ALL);
                CREATE TABLE ref_entries (LIKE journal_entries INCLUDING ALL);
                CREATE TABLE ref_postings (LIKE journal_postings INCLUDING ALL);
                """);
            var firstReviews = new List<double>();
            var secondReviews = new List<double>();
            var product = new List<double>();
            var reference = new List<double>();
            var note = "";
            for (var run = 0; run < runs; run++)
            {
                var claims = await GenerateAsync(server, beneficiaries, run);
                var (first, second) = await ReviewAsync(server, claims);
                firstReviews.Add(first);
                secondReviews.Add(second);
                var (seconds, result) = await ApproveAsync(server, claims);
                product.Add(seconds);
                note = string.Create(CultureInfo.InvariantCulture,
                    $"{claims.Count} claims, {result.LinesSettled} lines, {result.EntriesPosted} entries, chain verified");
                reference.Add(await ReferenceAsync(server, claims));
            }

            var lines = (long)beneficiaries * LinesPerPerson;
            await output.WriteLineAsync();
            await ScenarioRunner.HeaderAsync(output, "lines");
            await ScenarioRunner.RowAsync(output, "product: bulk 审定 (ApproveClaims): settlement, line results, settlements, history, ledger", product, lines, note);
            await ScenarioRunner.RowAsync(output, "product: bulk 初审 (FirstReviewClaims) of all claims, before the approval", firstReviews, lines);
            await ScenarioRunner.RowAsync(output, "product: bulk 复核 (SecondReviewClaims) of all claims, before the approval", secondReviews, lines);
            await ScenarioRunner.RowAsync(output, "reference: the same line results, settlements, entries and postings, INSERT … SELECT 10 claims a transaction", reference, lines);
            return 0;
        });
    }

    private static async Task ParametersAsync(EmbeddedPostgres server)
    {
        var a = new CurrentUser("bench-admin-a", "bench.admin.a", Tenant, [Roles.Admin]);
        var b = new CurrentUser("bench-admin-b", "bench.admin.b", Tenant, [Roles.Admin]);
        foreach (var (name, value) in new[]
                 {
                     ("benefitPaymentStart", "2027-01-01"), ("previousYearDisposableIncomePerCapita", "36000"),
                     (CommonParameters.ClaimWindowCloseDay, "10"), (CommonParameters.ClaimSecondApprovalAbove, "10000000"),
                 })
        {
            await using var proposer = CliServices.CreateAs(server.AppConnectionString, a);
            var proposed = await proposer.Sender.Send(new ProposeParameterCommand(name, value, new DateOnly(2020, 1, 1), null,
                "基准测试值（非文件规定）", "基准测试值"));
            await using var decider = CliServices.CreateAs(server.AppConnectionString, b);
            await decider.Sender.Send(new DecideParameterCommand(name, proposed.Version, true, "基准测试值，批准"));
        }
    }

    /// <summary>The template written through the domain, then <paramref name="beneficiaries"/> cloned from it; the new claims' ids.</summary>
    private static async Task<List<Guid>> GenerateAsync(EmbeddedPostgres server, int beneficiaries, int run)
    {
        var from = new DateOnly(2027, 1, 1);
        var month = new Month(2027, 3);
        var at = new DateTimeOffset(2027, 4, 2, 1, 0, 0, TimeSpan.Zero); // 09:00 in China; Npgsql writes UTC only
        Guid institutionId, personId, claimId;
        await using (var db = new LtcDbContext(LtcDbContextOptions.ForApplication(server.AppConnectionString), new FixedCurrentTenant(Tenant)))
        {
            if (run == 0)
            {
                db.Add(Domain.Providers.ServiceItem.Create(Tenant, Item, "压测护理项目", LineCategories.Care, "次", 120m, null, null, null, from.AddYears(-1)));
            }

            var institution = new Institution
            {
                TenantId = Tenant, Code = $"BT{run:D3}", Name = "压测模板护理院" + run, RegionCode = Region, ServiceModes = ["institution"],
            };
            db.Institutions.Add(institution);
            await db.SaveChangesAsync();
            institutionId = institution.Id;
            var number = IdNumber.Create(Region, new DateOnly(1920, 1, 1).AddDays(run), 1).Value;
            personId = Guid.CreateVersion7();
            await ScenarioRunner.ExecuteAsync(server, """
                INSERT INTO insured_people (tenant_id, id, id_number, name, sex, birth_date, region_code, medical_insurance, employment, created_at)
                VALUES (@tenant, @id, @number, '压测模板', 'female', date '1920-01-01', @region, 'employee', 'retired', now())
                """, ("tenant", Tenant), ("id", personId), ("number", number), ("region", Region));
            var person = new { Id = personId, Name = "压测模板" };
            var application = AssessmentApplication.Register(Tenant, person.Id, ApplicantKinds.Person, person.Name, null, institution.Id,
                from.AddDays(-40), null, false, [ApplicationDocuments.IdCard], from.AddDays(-35), from.AddDays(-10), "bench", at);
            db.Add(application);
            var entitlement = BenefitEntitlement.Grant(Tenant, person.Id, application.Id, 5, "等级5", "institution", institution.Id, from, null, null,
                "[]", "bench", at);
            db.Add(entitlement);
            var plan = CarePlan.Draft(Tenant, entitlement.Id, institution.Id, from, null, "bench", at);
            plan.AddItem(Item, 7, "week", 60);
            plan.Confirm(from, "bench");
            db.Add(plan);
            var claim = Claim.Submit(Tenant, institution.Id, institution.Code, month, 1, $"bench-template-{run}", new string('0', 64), "institution.bench", at);
            for (var d = 1; d <= LinesPerPerson; d++)
                claim.AddLine(d, person.Id, entitlement.Id, "institution", month.FirstDay.AddDays(d - 1), Item, LineCategories.Care, 1m, 120m, null, [])
                    .Individual = 120m;
            db.Add(claim);
            await db.SaveChangesAsync();
            claimId = claim.Id;
        }

        var numbers = Enumerable.Range(0, beneficiaries)
            .Select(i => IdNumber.Create(Region, new DateOnly(1930, 1, 1).AddDays(run * 3000 + i / 999), i % 999 + 1).Value).ToArray();
        await using var connection = new NpgsqlConnection(server.OwnerConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var parameters = new (string Name, object Value)[]
        {
            ("tenant", Tenant), ("numbers", numbers), ("per", PerClaim), ("lines", LinesPerPerson),
            ("run", run.ToString(CultureInfo.InvariantCulture)), ("inst", institutionId), ("person", personId), ("claim", claimId),
        };

        async Task Run(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
            foreach (var (name, value) in parameters)
            {
                if (sql.Contains('@' + name, StringComparison.Ordinal))
                    command.Parameters.AddWithValue(name, value);
            }

            await command.ExecuteNonQueryAsync();
        }

        // Each clone names its columns (read from the catalogue) and replaces a few of them: no row round trip through jsonb.
        async Task Clone(string table, string from, params (string Column, string Value)[] replaced)
        {
            await using var columns = new NpgsqlCommand("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = @table AND is_generated = 'NEVER' ORDER BY ordinal_position
                """, connection, transaction);
            columns.Parameters.AddWithValue("table", table);
            var names = new List<string>();
            await using (var reader = await columns.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                    names.Add(reader.GetString(0));
            }

            var values = names.Select(n => replaced.FirstOrDefault(r => r.Column == n).Value ?? "t." + Quote(n));
            await Run($"INSERT INTO {table} ({string.Join(", ", names.Select(Quote))}) SELECT {string.Join(", ", values)} {from}");
        }

        await Run("""
            SELECT setseed(0.42);
            CREATE TEMP TABLE gen ON COMMIT DROP AS
                SELECT ord::int AS i, number, gen_random_uuid() AS person_id, gen_random_uuid() AS app_id, gen_random_uuid() AS ent_id,
                       gen_random_uuid() AS plan_id, ((ord - 1) / @per)::int AS k
                FROM unnest(@numbers) WITH ORDINALITY AS t(number, ord);
            CREATE TEMP TABLE gen_inst ON COMMIT DROP AS
                SELECT k, gen_random_uuid() AS inst_id, gen_random_uuid() AS claim_id FROM (SELECT DISTINCT k FROM gen) s;
            ANALYZE gen; ANALYZE gen_inst;
            """);
        await Clone("institutions", "FROM institutions t, gen_inst g WHERE t.tenant_id = @tenant AND t.id = @inst",
            ("id", "g.inst_id"), ("code", "'B' || @run || '-' || lpad(g.k::text, 5, '0')"), ("name", "'压测护理院' || @run || '-' || g.k"));
        await Clone("insured_people", "FROM insured_people t, gen g WHERE t.tenant_id = @tenant AND t.id = @person",
            ("id", "g.person_id"), ("id_number", "g.number"), ("name", "'压测' || g.i"));
        await Clone("assessment_applications",
            "FROM assessment_applications t, gen g JOIN gen_inst gi USING (k) WHERE t.tenant_id = @tenant AND t.person_id = @person",
            ("id", "g.app_id"), ("person_id", "g.person_id"),
            ("applying_institution_id", "CASE WHEN t.applying_institution_id IS NOT NULL THEN gi.inst_id END"),
            ("care_institution_id", "CASE WHEN t.care_institution_id IS NOT NULL THEN gi.inst_id END"));
        await Clone("entitlements", "FROM entitlements t, gen g JOIN gen_inst gi USING (k) WHERE t.tenant_id = @tenant AND t.person_id = @person",
            ("id", "g.ent_id"), ("person_id", "g.person_id"), ("application_id", "g.app_id"), ("institution_id", "gi.inst_id"));
        await Clone("care_plans", "FROM care_plans t, gen g JOIN gen_inst gi USING (k) WHERE t.tenant_id = @tenant AND t.institution_id = @inst",
            ("id", "g.plan_id"), ("entitlement_id", "g.ent_id"), ("institution_id", "gi.inst_id"));
        await Clone("care_plan_items", """
            FROM care_plan_items t JOIN care_plans p ON p.tenant_id = t.tenant_id AND p.id = t.care_plan_id, gen g
            WHERE t.tenant_id = @tenant AND p.institution_id = @inst
            """, ("id", "gen_random_uuid()"), ("care_plan_id", "g.plan_id"));
        await Clone("claims", "FROM claims t, gen_inst gi WHERE t.tenant_id = @tenant AND t.id = @claim",
            ("id", "gi.claim_id"), ("institution_id", "gi.inst_id"),
            ("number", "'CLM-202703-B' || @run || '-' || lpad(gi.k::text, 5, '0') || '-1'"), ("client_key", "'bench-' || @run || '-' || gi.k"));
        await Clone("claim_events", "FROM claim_events t, gen_inst gi WHERE t.tenant_id = @tenant AND t.claim_id = @claim",
            ("id", "gen_random_uuid()"), ("claim_id", "gi.claim_id"));
        // The lines' key checks look up the rows just cloned: plan them on the tables' present size, not on "one row".
        await Run("ANALYZE institutions; ANALYZE insured_people; ANALYZE entitlements; ANALYZE claims;");
        await Clone("claim_lines", """
            FROM (SELECT * FROM claim_lines WHERE tenant_id = @tenant AND claim_id = @claim ORDER BY line_no) t
            CROSS JOIN (SELECT * FROM gen ORDER BY i) g JOIN gen_inst gi USING (k)
            CROSS JOIN LATERAL (SELECT round(t.claimed_amount * (0.5 + 0.5 * random())::numeric, 2) AS amount) x
            """, ("id", "gen_random_uuid()"), ("claim_id", "gi.claim_id"), ("person_id", "g.person_id"), ("entitlement_id", "g.ent_id"),
            ("line_no", "((g.i - 1) % @per) * @lines + t.line_no"), ("amount", "x.amount"), ("fund", "0"), ("individual", "x.amount"));
        await Run("""
            UPDATE claims c SET billed = s.billed, fund = 0, individual = s.billed
                FROM (SELECT l.claim_id, sum(l.amount) AS billed FROM claim_lines l JOIN gen_inst gi ON l.claim_id = gi.claim_id
                      WHERE l.tenant_id = @tenant GROUP BY l.claim_id) s
                WHERE c.tenant_id = @tenant AND c.id = s.claim_id;
            ANALYZE;
            """);
        var ids = new List<Guid>();
        await using (var select = new NpgsqlCommand("SELECT claim_id FROM gen_inst ORDER BY k", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                ids.Add(reader.GetGuid(0));
        }

        await transaction.CommitAsync();
        return ids;
    }

    private static string Quote(string identifier) => '"' + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';

    /// <summary>Bulk 初审 by clerk A, then bulk 复核 by clerk B, of all the claims; the seconds of each.</summary>
    private static async Task<(double First, double Second)> ReviewAsync(EmbeddedPostgres server, List<Guid> claims)
    {
        await using var first = CliServices.CreateAs(server.AppConnectionString, new CurrentUser("bench-a", "clerk.bench.a", Tenant, [Roles.Clerk]));
        await using var second = CliServices.CreateAs(server.AppConnectionString, new CurrentUser("bench-b", "clerk.bench.b", Tenant, [Roles.Clerk]));
        ReviewClaimsResult firstResult = null!, secondResult = null!;
        var firstSeconds = await ScenarioRunner.TimeAsync(async () => firstResult = await first.Sender.Send(new FirstReviewClaimsCommand(claims)));
        var secondSeconds = await ScenarioRunner.TimeAsync(async () => secondResult = await second.Sender.Send(new SecondReviewClaimsCommand(claims)));
        if (firstResult.Steps.Any(s => s.Status != ClaimStatus.FirstReviewed) || secondResult.Steps.Any(s => s.Status != ClaimStatus.SecondReviewed))
            throw new InvalidOperationException("not every claim passed both reviews");
        return (firstSeconds, secondSeconds);
    }

    private static async Task<(double Seconds, ApproveClaimsResult Result)> ApproveAsync(EmbeddedPostgres server, List<Guid> claims)
    {
        await using var clerk = CliServices.CreateAs(server.AppConnectionString, new CurrentUser("bench-c", "clerk.bench.c", Tenant, [Roles.Clerk]));
        ApproveClaimsResult result = null!;
        var seconds = await ScenarioRunner.TimeAsync(async () => result = await clerk.Sender.Send(new ApproveClaimsCommand(claims)));
        if (result.Steps.Any(s => s.Status != ClaimStatus.Approved))
            throw new InvalidOperationException("not every claim was approved");
        await using var auditor = CliServices.CreateAs(server.AppConnectionString, new CurrentUser("bench-d", "auditor.bench", Tenant, [Roles.Auditor]));
        var verified = await auditor.Sender.Send(new VerifyLedgerQuery());
        if (!verified.IsIntact)
            throw new InvalidOperationException("the chain does not verify after the approval");
        return (seconds, result);
    }

    /// <summary>Copies the run's line results, settlements, entries and postings into the reference tables, 10 claims a transaction.</summary>
    private static async Task<double> ReferenceAsync(EmbeddedPostgres server, IReadOnlyList<Guid> claims)
    {
        await using var connection = new NpgsqlConnection(server.OwnerConnectionString);
        await connection.OpenAsync();
        await using (var checkpoint = new NpgsqlCommand("CHECKPOINT", connection) { CommandTimeout = 0 })
            await checkpoint.ExecuteNonQueryAsync();
        return await ScenarioRunner.TimeAsync(async () =>
        {
            foreach (var chunk in claims.Chunk(10))
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await using var command = new NpgsqlCommand("""
                    WITH c AS (SELECT * FROM claims WHERE tenant_id = @tenant AND id = ANY(@ids)),
                    lines AS (INSERT INTO ref_lines SELECT l.* FROM claim_lines l JOIN c ON l.tenant_id = c.tenant_id AND l.claim_id = c.id),
                    settlements AS (INSERT INTO ref_settlements SELECT s.* FROM claim_settlements s JOIN c ON s.tenant_id = c.tenant_id AND s.claim_id = c.id),
                    entries AS (INSERT INTO ref_entries SELECT e.* FROM journal_entries e JOIN c ON e.tenant_id = c.tenant_id AND e.sequence = c.payable_sequence),
                    postings AS (INSERT INTO ref_postings SELECT p.* FROM journal_postings p JOIN c ON p.tenant_id = c.tenant_id AND p.sequence = c.payable_sequence)
                    SELECT count(*) FROM c
                    """, connection, transaction) { CommandTimeout = 0 };
                command.Parameters.AddWithValue("tenant", Tenant);
                command.Parameters.AddWithValue("ids", chunk);
                await command.ExecuteScalarAsync();
                await transaction.CommitAsync();
            }
        });
    }
}
