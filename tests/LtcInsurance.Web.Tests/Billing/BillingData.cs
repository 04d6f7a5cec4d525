using System.Text;
using LtcInsurance.Application.Import.GetImportJob;
using LtcInsurance.Application.Import.StartRegisterImport;
using LtcInsurance.Web.Tests.Hosting;
using LtcInsurance.Web.Tests.Register;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Web.Tests.Billing;

/// <summary>
/// Data for the billing tests, set up the way the command line does it (the register import use case, whose job the web
/// host's worker runs) rather than through another page. Shishi's people here are born in 1927: no other test uses that
/// year, so their ID numbers and names are this folder's own.
/// </summary>
internal static class BillingData
{
    public const string Shishi = "350581";

    /// <summary>The application role's connection, as the web app uses it (row-level security on).</summary>
    public static string AppConnection(LtcWebHost host) =>
        host.Services.GetRequiredService<IConfiguration>().GetConnectionString("Ltc")!;

    /// <summary>Imports the register rows for <paramref name="tenant"/> and waits until the import job has applied them.</summary>
    public static async Task ImportAsync(LtcWebHost host, string tenant, string fileName, params string[] rows)
    {
        await using var operatorUseCases = OperatorUseCases.For(AppConnection(host), tenant);
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(RegisterFiles.Csv(rows)));
        var job = await operatorUseCases.Sender.Send(new StartRegisterImportCommand(file, fileName));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (job.Status is not ("completed" or "failed") && waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(250);
            job = await operatorUseCases.Sender.Send(new GetImportJobQuery(job.Id)) ?? job;
        }
        Assert.True(job.Status == "completed", $"the import of {fileName} ended {job.Status}: {job.Message}");
    }

    /// <summary>A Shishi person born in 1927, enrolled from 2026 as 低保对象 (Shishi insures special groups only, SS 二(一)).</summary>
    public static string EnrolledRow(int sequence, string name) =>
        RegisterFiles.Row(Shishi, 1927, sequence, name, "居民", "2026-01-01", "低保对象");

    /// <summary>A Shishi person born in 1927, not enrolled.</summary>
    public static string PersonRow(int sequence, string name) => RegisterFiles.Row(Shishi, 1927, sequence, name);

    /// <summary>
    /// Imports a Shishi person and stores their 2025 bill as the owner, the way the billing run stores one: 368 from
    /// fiscal and <paramref name="individual"/> owed by them (Shishi's own runs charge individuals nothing, SS 二(三)).
    /// </summary>
    public static async Task<(Guid Person, Guid Bill)> BillOwingAsync(LtcWebHost host, int sequence, string name, decimal individual)
    {
        await ImportAsync(host, "shishi", $"shishi-1927-{sequence}.csv", PersonRow(sequence, name));
        var person = await host.QueryAsOwnerAsync<Guid>("select id from insured_people where tenant_id = 'shishi' and name = @n", ("n", name));
        var bill = await host.QueryAsOwnerAsync<Guid>(
            "with bill as (insert into contribution_bills (tenant_id, id, period, person_id, scheme, region_code, total, individual_due, trace, created_at) " +
            "values ('shishi', gen_random_uuid(), '2025', @p, 'special_groups', '350581', @total, @individual, '{}', now()) returning id), " +
            "lines as (insert into contribution_bill_lines (tenant_id, bill_id, payer, amount) " +
            "select 'shishi', id, payer, amount from bill, (values ('individual', @individual), ('fiscal', 368.00)) as l(payer, amount)) " +
            "select id from bill",
            ("p", person), ("total", individual + 368.00m), ("individual", individual));
        return (person, bill);
    }

    public static Task<long> PaymentsAsync(LtcWebHost host, Guid bill) =>
        host.QueryAsOwnerAsync<long>("select count(*) from contribution_payments where bill_id = @b", ("b", bill));
}
