using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Enrollment;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Tenancy;
using LtcInsurance.Web.Tests.Billing;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Web.Tests.Ledger;

/// <summary>
/// From an amount in the books to the policy that produced it: Shishi's people are enrolled and billed for 2031 through the
/// real billing run (application role, as `ltc billing run` does), then the entry that booked them (one per region and
/// batch) is opened: it lists its bills, and each bill shows its payers and the engine's trace.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BillDrillDownTests(LtcWebHost host)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static ContributionBill? _billed;

    [Fact]
    public async Task A_bill_entry_lists_every_bill_it_booked_with_person_and_amount()
    {
        var bill = await ShishiBillAsync();
        var bills = await EntryBillsAsync(bill.JournalSequence!.Value);
        using var client = await SignedInAsync("admin.shishi");

        using var response = await client.GetAsync($"/ledger/entries/{bill.JournalSequence}");
        var html = await response.Content.ReadAsStringAsync();

        // A run books one entry per region and batch; the entry lists every bill carrying its sequence, each linking to it.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(bills, b => b.Id == bill.Id);
        Assert.Equal(bills.Count.ToString(CultureInfo.InvariantCulture), LedgerBooks.TestIdAttribute(html, "entry-bills-summary", "data-total"));
        Assert.Equal(Math.Min(bills.Count, 50), Regex.Count(html, "data-testid=\"entry-bill-row\""));
        // Page by page (50 a page), every bill of the entry once, with its person and a link to the bill.
        var listed = new List<string>();
        for (var page = 1; page <= (bills.Count + 49) / 50; page++)
        {
            var pageHtml = await client.GetStringAsync($"/ledger/entries/{bill.JournalSequence}?page={page}");
            listed.AddRange(Regex.Matches(pageHtml, "data-bill=\"([0-9a-f-]{36})\"").Select(m => m.Groups[1].Value));
            foreach (var (id, personId, _) in bills.Where(b => pageHtml.Contains($"data-bill=\"{b.Id}\"", StringComparison.Ordinal)))
            {
                Assert.Contains($"bill={id}\"", pageHtml, StringComparison.Ordinal);
                Assert.Contains($"href=\"/people/{personId}\"", pageHtml, StringComparison.Ordinal);
            }
        }

        Assert.Equal(bills.Select(b => b.Id.ToString()).Order(), listed.Order());

        // The entry's postings are the sums per payer of its bills: its debits are their totals.
        Assert.Equal(bills.Sum(b => b.Total), LedgerBooks.Amount(LedgerBooks.TestIdText(html, "entry-total-debits")));
        Assert.DoesNotContain("data-testid=\"entry-no-trace\"", html, StringComparison.Ordinal);
        // Several bills and none chosen: the page asks for one instead of showing an arbitrary bill's trace.
        Assert.Equal(bills.Count == 1, html.Contains("data-testid=\"entry-bill\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bill_of_the_entry_shows_its_payers_and_the_engine_trace_with_its_clauses()
    {
        var bill = await ShishiBillAsync();
        using var client = await SignedInAsync("admin.shishi");

        using var response = await client.GetAsync($"/ledger/entries/{bill.JournalSequence}?bill={bill.Id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("data-testid=\"entry-no-trace\"", html, StringComparison.Ordinal);
        Assert.Equal("2031", LedgerBooks.TestIdText(html, "entry-bill-period"));
        Assert.Equal(bill.Total, LedgerBooks.Amount(LedgerBooks.TestIdText(html, "entry-bill-total")));
        var name = await host.QueryAsOwnerAsync<string>("select name from insured_people where id = @id", ("id", bill.PersonId));
        Assert.Equal(name, LedgerBooks.TestIdText(html, "entry-bill-person"));
        // Shishi's contribution rule cites SS 二(三); the trace names it and the payers in Chinese.
        Assert.Contains("SS 二(三)", LedgerBooks.TestIdText(html, "entry-bill-trace"), StringComparison.Ordinal);
        Assert.Contains("规则", html, StringComparison.Ordinal);
        foreach (var line in bill.Lines.Where(l => l.Amount > 0))
            Assert.DoesNotContain($">{line.Payer}<", LedgerBooks.TestIdText(html, "entry-bill-lines"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bill_is_shown_only_under_the_entry_that_booked_it()
    {
        var bill = await ShishiBillAsync();
        var other = await host.QueryAsOwnerAsync<long>(
            "select sequence from journal_entries where tenant_id = 'shishi' and sequence <> @sequence order by sequence limit 1",
            ("sequence", bill.JournalSequence!.Value));
        using var client = await SignedInAsync("admin.shishi");

        var html = await client.GetStringAsync($"/ledger/entries/{other}?bill={bill.Id}");

        // (the address asked for echoes the id, and that entry may book the same person's bill of another period: the page
        // shows neither this bill's detail nor a row of it)
        Assert.DoesNotContain("data-testid=\"entry-bill\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-bill=\"{bill.Id}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_follows_the_bill_to_the_person()
    {
        var bill = await ShishiBillAsync();
        using var client = await SignedInAsync("admin.shishi");

        var html = await client.GetStringAsync($"/ledger/entries/{bill.JournalSequence}?bill={bill.Id}");

        Assert.Contains("data-testid=\"entry-bill\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{bill.PersonId}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_citys_entry_of_the_same_number_shows_none_of_Shishis_bills()
    {
        var bill = await ShishiBillAsync();
        var shishi = await EntryBillsAsync(bill.JournalSequence!.Value);
        using var client = await SignedInAsync("auditor.zhenjiang");

        using var response = await client.GetAsync($"/ledger/entries/{bill.JournalSequence}");
        var html = await response.Content.ReadAsStringAsync();
        var asked = await client.GetStringAsync($"/ledger/entries/{bill.JournalSequence}?bill={bill.Id}");

        Assert.DoesNotContain("data-testid=\"entry-bill\"", asked, StringComparison.Ordinal);
        Assert.DoesNotContain(bill.PersonId.ToString(), asked, StringComparison.Ordinal);
        // Zhenjiang's entry of that number may book bills of its own (other tests bill Zhenjiang): Shishi's never show.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var (id, personId, _) in shishi)
        {
            Assert.DoesNotContain(id.ToString(), html, StringComparison.Ordinal);
            Assert.DoesNotContain(personId.ToString(), html, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("data-testid=\"entry-bill\"", html, StringComparison.Ordinal);
        var zhenjiangBills = await host.QueryAsOwnerAsync<long>(
            "select count(*) from contribution_bills where tenant_id = 'zhenjiang' and journal_sequence = @sequence", ("sequence", bill.JournalSequence!.Value));
        Assert.Equal(Math.Min(zhenjiangBills, 50), Regex.Count(html, "data-testid=\"entry-bill-row\""));
    }

    [Fact]
    public async Task A_non_bill_entry_still_names_its_source_document()
    {
        using var client = await SignedInAsync("auditor.zhenjiang");
        var claim = await host.QueryAsOwnerAsync<long>(
            "select sequence from journal_entries where tenant_id = 'zhenjiang' and source_type = 'claim' order by sequence limit 1");

        var html = await client.GetStringAsync($"/ledger/entries/{claim}");

        Assert.Contains("data-testid=\"entry-no-trace\"", html, StringComparison.Ordinal);
    }

    private async Task<ContributionBill> ShishiBillAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_billed is not null)
                return _billed;
            var connection = host.Services.GetRequiredService<IConfiguration>().GetConnectionString("Ltc")!;
            await using var db = new LtcDbContext(LtcDbContextOptions.ForApplication(connection), new FixedCurrentTenant(TenantIds.Shishi));
            var calculator = new PolicyCalculator();
            // The register's use cases as the CLI wires them, acting for Shishi.
            var services = new ServiceCollection().AddLogging();
            Application.DependencyInjection.AddLtcApplication(services);
            Infrastructure.DependencyInjection.AddLtcInfrastructure(services, connection);
            services.AddSingleton<Application.Common.Security.ICurrentUserSource>(
                new Application.Common.Security.FixedCurrentUserSource(Application.Common.Security.CurrentUser.System(TenantIds.Shishi)));
            await using var provider = services.BuildServiceProvider();
            await using var scope = provider.CreateAsyncScope();
            var register = scope.ServiceProvider.GetRequiredService<Application.Common.Messaging.ISender>();
            foreach (var id in await db.InsuredPeople.OrderBy(p => p.Name).Select(p => p.Id).Take(2).ToListAsync())
            {
                try
                {
                    // Shishi insures special groups only (SS 二(一)): the demo people get a 低保 status first.
                    await register.Send(new Application.Enrollment.AddStatus.AddStatusCommand(new Domain.PersonId(id), PersonStatus.Dibao, new DateOnly(2030, 1, 1)));
                    await register.Send(new Application.Enrollment.Enrol.EnrolCommand(new Domain.PersonId(id), new DateOnly(2031, 1, 1)));
                }
                catch (Domain.Common.BusinessRuleViolationException)
                {
                    // Already enrolled or not eligible: the run bills whoever is.
                }
            }

            await using var operatorUseCases = OperatorUseCases.For(connection, TenantIds.Shishi);
            var run = await operatorUseCases.Sender.Send(new RunBillingCommand("2031"));
            Assert.True(run.BillsCreated > 0, "the 2031 run billed nobody");
            _billed = await db.Set<ContributionBill>().AsNoTracking().Include(b => b.Lines)
                .Where(b => b.Period == "2031" && b.JournalSequence != null).OrderBy(b => b.JournalSequence).FirstAsync();
            return _billed;
        }
        finally
        {
            Once.Release();
        }
    }

    /// <summary>The bills Shishi's entry <paramref name="sequence"/> booked, read from the database.</summary>
    private async Task<List<(Guid Id, Guid PersonId, decimal Total)>> EntryBillsAsync(long sequence)
    {
        var connection = host.Services.GetRequiredService<IConfiguration>().GetConnectionString("Ltc")!;
        await using var db = new LtcDbContext(LtcDbContextOptions.ForApplication(connection), new FixedCurrentTenant(TenantIds.Shishi));
        return [.. (await db.Set<ContributionBill>().AsNoTracking().Where(b => b.JournalSequence == sequence)
                .Select(b => new { b.Id, b.PersonId, b.Total }).ToListAsync())
            .Select(b => (b.Id, b.PersonId, b.Total))];
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, userName);
        return client;
    }
}
