using System.Diagnostics;
using LtcInsurance.Application.Contributions.ListArrears;
using LtcInsurance.Application.Contributions.RecordPayment;
using LtcInsurance.Cli.Composition;
using Npgsql;

// deploy/scale/failover.sh's payment loop over a multi-host connection string (Host=a,b;Target Session Attributes=primary).
//   pay   APP_CS TENANT SECONDS ACKED_FILE : records 0.01-yuan counter payments through RecordPaymentCommand (the use case
//                                            the counter page sends) one after another; a payment is acknowledged when
//                                            the use case returned, and only then its reference is appended to ACKED_FILE.
//   check OWNER_CS ACKED_FILE              : how many acknowledged references the (new) primary holds.
if (args is ["pay", var app, var tenant, var secondsText, var ackedFile])
    return await PayAsync(app, tenant, TimeSpan.FromSeconds(int.Parse(secondsText, System.Globalization.CultureInfo.InvariantCulture)), ackedFile);
if (args is ["check", var owner, var acked])
    return await CheckAsync(owner, acked);
Console.Error.WriteLine("usage: pay APP_CS TENANT SECONDS ACKED_FILE | check OWNER_CS ACKED_FILE");
return 2;

static async Task<int> PayAsync(string app, string tenant, TimeSpan duration, string ackedFile)
{
    await using var services = CliServices.Create(app, tenant);
    var arrears = await services.Sender.Send(new ListArrearsQuery(null, 0, 500));
    var bills = arrears.Items.Where(a => a.Outstanding >= 1m).ToList();
    Console.WriteLine($"{Now()} {bills.Count} bills with at least 1 yuan outstanding in {tenant}; paying 0.01 each");
    var run = DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture);
    await using var acked = new StreamWriter(ackedFile, append: true) { AutoFlush = true };
    var clock = Stopwatch.StartNew();
    int attempts = 0, acknowledged = 0, failed = 0;
    string? lastFailure = null;
    var failingSince = TimeSpan.Zero;
    while (clock.Elapsed < duration)
    {
        var reference = $"ha-{run}-{attempts}";
        var bill = bills[attempts % bills.Count];
        attempts++;
        try
        {
            await services.Sender.Send(new RecordPaymentCommand(bill.BillId, reference, 0.01m, new DateOnly(2026, 12, 7)));
            await acked.WriteLineAsync(reference);
            acknowledged++;
            if (lastFailure is not null)
            {
                Console.WriteLine($"{Now()} payments acknowledged again after {(clock.Elapsed - failingSince).TotalSeconds:F1}s of failures");
                lastFailure = null;
            }
        }
        catch (Exception failure)
        {
            failed++;
            var message = (failure.InnerException ?? failure).Message.Split('\n')[0];
            if (lastFailure is null)
            {
                failingSince = clock.Elapsed;
                Console.WriteLine($"{Now()} payment {reference} not acknowledged: {failure.GetType().Name}: {message}");
            }

            lastFailure = message;
            await Task.Delay(500);
        }

        if (attempts % 25 == 0)
            Console.WriteLine($"{Now()} attempts {attempts}, acknowledged {acknowledged}, failed {failed}");
    }

    Console.WriteLine($"{Now()} loop done: attempts {attempts}, acknowledged {acknowledged}, not acknowledged {failed}");
    return 0;
}

static async Task<int> CheckAsync(string owner, string ackedFile)
{
    var references = await File.ReadAllLinesAsync(ackedFile);
    await using var connection = new NpgsqlConnection(owner);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(
        "SELECT count(*) FROM contribution_payments WHERE reference = ANY($1)", connection);
    command.Parameters.Add(new NpgsqlParameter { Value = references });
    var found = (long)(await command.ExecuteScalarAsync())!;
    Console.WriteLine($"acknowledged payments: {references.Length}; found on the primary after failover " +
                      $"({connection.Host}:{connection.Port}): {found}; lost: {references.Length - found}");
    return found == references.Length ? 0 : 1;
}

static string Now() => DateTime.UtcNow.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
