using System.Globalization;
using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Application.Security;
using LtcInsurance.Cli.Billing;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Ledger;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Postgres;
using LtcInsurance.Infrastructure.Tenancy;
using LtcInsurance.Integration.Tests.Enrollment;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Contributions;

/// <summary>
/// `ltc billing run` and the billing page are one use case: two equal fresh registers of the same tenant (two scratch
/// databases of the collection's cluster, the same people with the same ids), one billed by the command line, the
/// other by a clerk through the sender the web app uses, for the same period, give the same bills and the same books.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class BillingParityTests(RegisterDatabase database)
{
    private const string Period = "2030-03";
    private const string Region = "450902";

    // Yulin, monthly (YL 二(三)): two workers on a wage (employer and own 0.15%, one rounding per line), a retiree in
    // difficulty whose own part the government pays (YL 二(三)2 and 5), a child on the resident scheme, which has not
    // started (YL 一(二): the run skips them as not insured yet), and a worker without a wage base, whom the run skips.
    private static readonly (Guid Id, string Name, DateOnly Birth, string Medical, string Employment, string Scheme, decimal? Base, string? Status)[] People =
    [
        (Guid.Parse("0190f0a0-0000-7000-8000-000000000001"), "韦同甲", new(1980, 1, 1), "employee", "employed", "employee", 5000m, null),
        (Guid.Parse("0190f0a0-0000-7000-8000-000000000002"), "韦同乙", new(1985, 6, 6), "employee", "employed", "employee", 8123.45m, null),
        (Guid.Parse("0190f0a0-0000-7000-8000-000000000003"), "韦同丙", new(1950, 3, 3), "employee", "retired", "employee", 3000m, PersonStatus.Tekun),
        (Guid.Parse("0190f0a0-0000-7000-8000-000000000004"), "韦同丁", new(2022, 2, 2), "resident", "not_employed", "resident", null, null),
        (Guid.Parse("0190f0a0-0000-7000-8000-000000000005"), "韦同戊", new(1990, 9, 9), "employee", "employed", "employee", null, null),
    ];

    [Fact]
    public async Task The_command_line_and_the_billing_page_compute_identical_bills_and_books()
    {
        var viaCli = await FreshRegisterAsync("cli");
        var viaPage = await FreshRegisterAsync("page");

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await BillingRunCommand.RunAsync(
            ["--tenant", TenantIds.Yulin, "--period", Period, "--connection", viaCli.App], stdout, stderr);
        BillingRunResult page;
        await using (var clerk = UseCaseHost.For(viaPage.App, TenantIds.Yulin, Roles.Clerk))
            page = await clerk.Send(new RunBillingCommand(Period));

        Assert.True(exit == 0, stderr.ToString());
        var bills = await BillsAsync(viaCli.Owner);
        Assert.Equal(bills, await BillsAsync(viaPage.Owner));
        Assert.Equal(3, bills.Count);
        Assert.Contains(bills, b => b.StartsWith($"{People[0].Id}|employee|15.00|7.50|employer:7.50,individual:7.50|booked", StringComparison.Ordinal));
        Assert.Contains(bills, b => b.StartsWith($"{People[1].Id}|employee|24.38|12.19|employer:12.19,individual:12.19|booked", StringComparison.Ordinal));
        Assert.Contains(bills, b => b.StartsWith($"{People[2].Id}|employee|4.50|0.00|fiscal_subsidy:4.50|booked", StringComparison.Ordinal));
        Assert.DoesNotContain(bills, b => b.StartsWith($"{People[3].Id}|", StringComparison.Ordinal));

        var entries = await EntriesAsync(viaCli.Owner);
        Assert.Equal(entries, await EntriesAsync(viaPage.Owner));
        // One entry per region of the batch, its postings the sums per payer (not one entry per bill).
        var regions = bills.Select(b => b.Split('|')[7]).Distinct(StringComparer.Ordinal).Count();
        Assert.Equal(regions, entries.Count);
        Assert.All(entries, e => Assert.StartsWith($"contribution-bills:", e, StringComparison.Ordinal));
        var balances = await BalancesAsync(viaCli.Owner);
        Assert.Equal(balances, await BalancesAsync(viaPage.Owner));
        Assert.Contains("4101.02|C|19.69", balances);

        // What the command printed is what the page shows: counts, each payer's total, the total.
        var c = CultureInfo.InvariantCulture;
        var printed = stdout.ToString();
        Assert.Equal((3, 0, regions, 2), (page.BillsCreated, page.BillsAlreadyPresent, page.EntriesPosted, page.Skipped.Count));
        Assert.Contains(string.Create(c, $"期间 {Period}: 新建缴费单 {page.BillsCreated}，已存在 0，记账 {page.EntriesPosted}，跳过 2"), printed, StringComparison.Ordinal);
        foreach (var payer in page.Totals.ByPayer)
            Assert.Contains(string.Create(c, $"  {payer.Payer,-16} {payer.Amount,16:0.00}"), printed, StringComparison.Ordinal);
        Assert.Contains(string.Create(c, $"  {"total",-16} {page.Totals.Total,16:0.00}  ({page.Totals.Bills} bills)"), printed, StringComparison.Ordinal);
        Assert.Contains($"跳过 / skipped 韦同戊 ({People[4].Id})", printed, StringComparison.Ordinal);
        Assert.Contains(page.Skipped, s => s.PersonId == PersonId(People[4].Id));
        Assert.Contains(page.Skipped, s => s.PersonId == PersonId(People[3].Id) && s.Message.Contains("resident_scheme_not_started", StringComparison.Ordinal));
    }

    private static Domain.PersonId PersonId(Guid id) => new(id);

    /// <summary>A new database of the collection's cluster, migrated, with Yulin, its chart and <see cref="People"/>, enrolled from 2030.</summary>
    private async Task<(string Owner, string App)> FreshRegisterAsync(string purpose)
    {
        var (owner, app) = await database.FreshYulinDatabaseAsync($"parity_{purpose}");

        // The register as rows, the way an import leaves it: the same ids and ID numbers in both databases.
        await using (var connection = new NpgsqlConnection(owner))
        {
            await connection.OpenAsync();
            for (var i = 0; i < People.Length; i++)
            {
                var person = People[i];
                await using var insert = new NpgsqlCommand("""
                    INSERT INTO insured_people (tenant_id, id, id_number, name, sex, birth_date, region_code, medical_insurance, employment, created_at)
                    VALUES ('yulin', @id, @idNumber, @name, 'female', @birth, @region, @medical, @employment, now());
                    INSERT INTO enrollment_periods (tenant_id, id, person_id, scheme, start_date, monthly_base)
                    VALUES ('yulin', gen_random_uuid(), @id, @scheme, date '2030-01-01', @base);
                    """, connection);
                insert.Parameters.AddWithValue("id", person.Id);
                insert.Parameters.AddWithValue("idNumber", IdNumber.Create(Region, person.Birth, 900 + (2 * i)).Value);
                insert.Parameters.AddWithValue("name", person.Name);
                insert.Parameters.AddWithValue("birth", person.Birth);
                insert.Parameters.AddWithValue("region", Region);
                insert.Parameters.AddWithValue("medical", person.Medical);
                insert.Parameters.AddWithValue("employment", person.Employment);
                insert.Parameters.AddWithValue("scheme", person.Scheme);
                insert.Parameters.AddWithValue("base", (object?)person.Base ?? DBNull.Value);
                await insert.ExecuteNonQueryAsync();
                if (person.Status is not null)
                {
                    await using var status = new NpgsqlCommand(
                        "INSERT INTO person_status_periods (tenant_id, id, person_id, status, from_date) VALUES ('yulin', gen_random_uuid(), @id, @status, date '2000-01-01')",
                        connection);
                    status.Parameters.AddWithValue("id", person.Id);
                    status.Parameters.AddWithValue("status", person.Status);
                    await status.ExecuteNonQueryAsync();
                }
            }
        }

        return (owner, app);
    }

    /// <summary>Each bill: person, scheme, total, individual due, lines, booked or not, period and the engine's trace.</summary>
    private static Task<List<string>> BillsAsync(string owner) => RowsAsync(owner, """
        SELECT b.person_id || '|' || b.scheme || '|' || b.total || '|' || b.individual_due || '|'
               || coalesce((SELECT string_agg(l.payer || ':' || l.amount, ',' ORDER BY l.payer)
                            FROM contribution_bill_lines l WHERE l.tenant_id = b.tenant_id AND l.bill_id = b.id), '')
               || '|' || CASE WHEN b.journal_sequence IS NULL THEN 'not booked' ELSE 'booked' END
               || '|' || b.period || '|' || b.region_code || '|' || b.trace::text
        FROM contribution_bills b ORDER BY b.person_id
        """);

    /// <summary>Each entry by its key (not its sequence: the order of booking is not part of the result), with its postings.</summary>
    private static Task<List<string>> EntriesAsync(string owner) => RowsAsync(owner, """
        SELECT e.idempotency_key || '|' || e.business_date || '|' || e.period || '|' || e.description || '|' || e.source_type
               || '|' || e.source_reference || '|'
               || (SELECT string_agg(p.account_code || ':' || p.side || ':' || p.amount, ',' ORDER BY p.line)
                   FROM journal_postings p WHERE p.tenant_id = e.tenant_id AND p.sequence = e.sequence)
        FROM journal_entries e ORDER BY e.idempotency_key
        """);

    /// <summary>The books' totals: per account and side.</summary>
    private static Task<List<string>> BalancesAsync(string owner) => RowsAsync(owner, """
        SELECT account_code || '|' || side || '|' || sum(amount) FROM journal_postings GROUP BY account_code, side ORDER BY 1
        """);

    private static async Task<List<string>> RowsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }
}
