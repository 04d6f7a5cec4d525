using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Tenancy;
using LtcInsurance.Integration.Tests.Enrollment;
using LtcInsurance.Integration.Tests.Performance;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Import;

/// <summary>
/// The register import's apply finds each row's person by an index probe of insured_people's (tenant_id, id_number) key,
/// as the application role, under the tenant policies (issue #15 item 2). There a join condition becomes an index
/// condition of insured_people only when all its functions are leakproof: a staged ID number cast with
/// <c>::character(18)</c> (a length coercion, not leakproof) left only a scan of the whole register per row, 17 s a batch
/// of 1,000 rows at 100,000 people. The test takes the apply's own statements (a second file changing 1,000 of 3,000
/// people it imported first) and explains each as the application role. At a few thousand people a hash join over the
/// register is the cheaper plan, and fine; at a million only the probe is, so hash and merge joins are switched off for
/// the explanation: what is left shows whether the ID number can be probed at all.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class ImportPlanTests(RegisterDatabase database)
{
    private const string Header = "身份证号码,姓名,性别,出生日期,联系电话,所在地区,医保类型,就业状态,人员类别,参保日期";

    [Fact]
    public async Task Every_apply_statement_matching_rows_to_the_register_probes_its_id_number_index_as_the_application_role()
    {
        await using var host = database.Host(TenantIds.Jining);
        var first = await host.ImportAsync(Csv(3_000, "370811"), "plan-register.csv");
        Assert.Equal(("completed", 3_000), (first.Status, first.ValidRows));

        var commands = await SqlStatementCounter.Capture(async () =>
        {
            var moved = await host.ImportAsync(Csv(1_000, "370812"), "plan-register-moved.csv");
            Assert.Equal(("completed", 1_000), (moved.Status, moved.ValidRows));
        });
        // Each batch sends the same texts: one of each.
        var statements = commands
            .Where(c => c.Text.Contains("import_rows", StringComparison.Ordinal) && c.Text.Contains("insured_people", StringComparison.Ordinal))
            .DistinctBy(c => c.Text)
            .ToList();
        // The history of changed fields, the categories' history, the person upsert, the categories, the enrolments and
        // their refusals.
        Assert.True(statements.Count >= 6, $"{statements.Count} apply statements seen:\n{string.Join("\n\n", statements.Select(s => s.Text))}");

        await AnalyzeAsync();
        foreach (var (sql, parameters) in statements)
        {
            var plan = await ExplainAsync(sql, parameters);
            var scans = Regex.Matches(plan, @"(?<kind>[A-Za-z ]*Scan)(?: using (?<index>\w+))? on insured_people\b")
                .Select(m => (Kind: m.Groups["kind"].Value.Trim(), Index: m.Groups["index"].Value))
                .ToList();
            var shown = $"{sql}\n{plan}";
            Assert.NotEmpty(scans);
            Assert.All(scans, s => Assert.True(
                s.Kind is "Index Scan" or "Index Only Scan" && s.Index == "ix_insured_people_tenant_id_id_number", shown));
            Assert.Matches(@"Index Cond: \(.*id_number = ", plan);
        }
    }

    /// <summary>
    /// <paramref name="people"/> residents born from 1938-01-01 (900 a day, ID numbers of 370811, no other test's), living
    /// in <paramref name="region"/>.
    /// </summary>
    private static MemoryStream Csv(int people, string region)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        for (var i = 0; i < people; i++)
        {
            var id = IdNumber.Create("370811", new DateOnly(1938, 1, 1).AddDays(i / 900), i % 900 + 1).Value;
            csv.Append(CultureInfo.InvariantCulture, $"{id},计划{i},,,,{region},居民,无,,2027-01-01\r\n");
        }

        return new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
    }

    /// <summary>The planner's statistics as a register in use has them (the test cluster's autovacuum may not have come by).</summary>
    private async Task AnalyzeAsync()
    {
        await using var connection = new NpgsqlConnection(database.Server.OwnerConnectionString);
        await connection.OpenAsync();
        await using var analyze = new NpgsqlCommand("ANALYZE insured_people, import_rows, enrollment_periods, person_status_periods", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>Hash and merge joins off: what is left shows whether the ID number can be probed at all.</summary>
    private Task<string> ExplainAsync(string sql, NpgsqlParameter[] parameters) =>
        AppRolePlan.ExplainAsync(database.Server.AppConnectionString, TenantIds.Jining, sql, parameters,
            "SET enable_hashjoin = off; SET enable_mergejoin = off;");
}
