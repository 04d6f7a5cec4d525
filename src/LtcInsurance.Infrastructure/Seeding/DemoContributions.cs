using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Contributions;
using LtcInsurance.Application.Contributions.ListReceivables;
using LtcInsurance.Application.Contributions.RecordPayment;
using LtcInsurance.Application.Contributions.RecordTransfer;
using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Application.Enrollment.AddStatus;
using LtcInsurance.Application.Enrollment.Enrol;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Vocabulary;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LtcInsurance.Infrastructure.Seeding;

/// <summary>
/// The demo register's contributions, made through the use cases a clerk uses: every demo person is asked to enrol
/// (<see cref="EnrolCommand"/>, the city's eligibility rule decides; a refused person stays unenrolled), each past period
/// of a running scheme is billed (<see cref="RunBillingCommand"/>) and most individual parts are paid
/// (<see cref="RecordPaymentCommand"/>), some half, some not at all (arrears); the other payers' shares arrive as transfers
/// (<see cref="RecordTransferCommand"/>). Deterministic: every choice is drawn
/// from the person's ID number and the period. Idempotent: an enrolled person, an existing bill and a bill with a
/// payment are left as they are. Acts as <see cref="SeederName"/> with every role of the tenant.
/// </summary>
public static class DemoContributions
{
    public const string SeederName = "demo-seeder";

    /// <summary>The last year the demo bills (the ledger demo books' year).</summary>
    public const int LastYear = 2026;

    /// <summary>The first day of the demo enrolments: 2026-01-01 (the register's people were recorded in January 2026) or the scheme start if later.</summary>
    public static DateOnly EnrolmentStart(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var start = new DateOnly(LastYear, 1, 1);
        return tenant.SchemeStart > start ? tenant.SchemeStart : start;
    }

    /// <summary>The periods to bill: those of the city's cycle from the enrolment start to <paramref name="today"/> within <see cref="LastYear"/>.</summary>
    public static IReadOnlyList<string> PastPeriods(Tenant tenant, DateOnly today)
    {
        var cycle = BillingCycle.For(tenant.Id);
        var start = EnrolmentStart(tenant);
        var last = new DateOnly(LastYear, 12, 31) < today ? new DateOnly(LastYear, 12, 31) : today;
        var periods = new List<string>();
        if (cycle.Yearly)
        {
            for (var year = start.Year; year <= last.Year; year++)
                periods.Add(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            for (var month = new DateOnly(start.Year, start.Month, 1); month <= last; month = month.AddMonths(1))
                periods.Add(DemoData.Invariant($"{month:yyyy-MM}"));
        }

        return periods;
    }

    /// <summary>What happens to a bill's individual part: 0 unpaid (arrears), 1 half paid, 2 paid in full; and the day offset.</summary>
    public static (int Outcome, int Days) PaymentPlan(string idNumber, string period)
    {
        var hash = Fnv(idNumber + "/" + period);
        var draw = (int)(hash % 100);
        var outcome = draw < 12 ? 0 : draw < 18 ? 1 : 2;
        return (outcome, (int)(hash / 100 % 75));
    }

    public static async Task SeedAsync(string connectionString, IEnumerable<Tenant> tenants, TimeProvider clock,
        ILogger? logger = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        ArgumentNullException.ThrowIfNull(clock);
        logger ??= NullLogger.Instance;
        foreach (var tenant in tenants)
        {
            await using var scope = DemoSeederScope.Open(connectionString, tenant, clock);
            var sender = scope.Sender;
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            await EnrolAsync(scope.Services, sender, tenant, ct);
            foreach (var period in PastPeriods(tenant, today))
            {
                try
                {
                    await sender.Send(new RunBillingCommand(period), ct);
                }
                catch (BillingRefusedException ex)
                {
                    LogBillingRefused(logger, tenant.Id, period, ex.Message);
                    continue;
                }

                await PayAsync(scope.Services, sender, tenant, period, today, ct);
                await TransferAsync(sender, period, today, logger, tenant.Id, ct);
            }
        }
    }

    private static async Task EnrolAsync(IServiceProvider services, ISender sender, Tenant tenant, CancellationToken ct)
    {
        List<(Guid Id, string IdNumber, EmploymentStatus Employment)> people;
        HashSet<Guid> enrolled;
        HashSet<Guid> withStatus;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LtcDbContext>();
            people = (await db.InsuredPeople.AsNoTracking().Select(p => new { p.Id, p.IdNumber, p.Employment }).ToListAsync(ct))
                .Select(p => (p.Id, p.IdNumber.Value, p.Employment)).OrderBy(p => p.Value, StringComparer.Ordinal).ToList();
            enrolled = (await db.EnrollmentPeriods.AsNoTracking().Select(e => e.PersonId).ToListAsync(ct)).ToHashSet();
            withStatus = (await db.PersonStatuses.AsNoTracking().Select(s => s.PersonId).ToListAsync(ct)).ToHashSet();
        }

        var start = EnrolmentStart(tenant);
        // Shishi insures only its special groups (SS 二(一)): about a third of its demo people are certified as one, through
        // the clerk's use case; the rest are refused as outside the covered groups.
        foreach (var (id, idNumber, _) in people.Where(p => !withStatus.Contains(p.Id) && !enrolled.Contains(p.Id)))
        {
            if (DemoStatus(tenant.Id, idNumber) is { } status)
                await sender.Send(new AddStatusCommand(new PersonId(id), status, new DateOnly(LastYear - 1, 1, 1)), ct);
        }

        // Yulin charges rates on a wage or pension base (YL 二(三)1-3); the other cities charge amounts and need none.
        var needsBase = !BillingCycle.For(tenant.Id).Yearly;
        foreach (var (id, idNumber, employment) in people)
        {
            if (enrolled.Contains(id))
                continue;
            var hash = Fnv(idNumber);
            decimal? monthlyBase = !needsBase ? null
                : employment == EmploymentStatus.Retired ? 2_500m + hash % 26 * 100m
                : 4_000m + hash % 51 * 100m;
            var choice = employment == EmploymentStatus.FlexiblyEmployed ? Domain.Vocabulary.SchemeKinds.Employee : null;
            // A refusal (outside the insured population, scheme not yet in force …) writes nothing: the person stays unenrolled.
            await sender.Send(new EnrolCommand(new PersonId(id), start, choice, monthlyBase), ct);
        }
    }

    private static async Task PayAsync(IServiceProvider services, ISender sender, Tenant tenant, string period, DateOnly today,
        CancellationToken ct)
    {
        List<(Guid Bill, string IdNumber, decimal Due)> open;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LtcDbContext>();
            var bills = await db.ContributionBills.AsNoTracking().Include(b => b.Payments)
                .Where(b => b.Period == period && b.IndividualDue > 0).ToListAsync(ct);
            var ids = await db.InsuredPeople.AsNoTracking().Select(p => new { p.Id, p.IdNumber }).ToListAsync(ct);
            var byPerson = ids.ToDictionary(p => p.Id, p => p.IdNumber.Value);
            open = [.. bills.Where(b => b.Payments.Count == 0)
                .Select(b => (b.Id, byPerson[b.PersonId], b.IndividualDue))
                .OrderBy(b => b.Item2, StringComparer.Ordinal)];
        }

        var periodStart = ContributionPeriod.TryParse(period, out var parsed) ? parsed.Start : throw new InvalidOperationException(period);
        foreach (var (bill, idNumber, due) in open)
        {
            var (outcome, days) = PaymentPlan(idNumber, period);
            if (outcome == 0)
                continue;
            var paidOn = periodStart.AddDays(days);
            if (paidOn > today)
                continue;
            var amount = outcome == 2 ? due : decimal.Round(due / 2m, 2, MidpointRounding.AwayFromZero);
            await sender.Send(new RecordPaymentCommand(new BillId(bill), DemoData.Invariant($"DEMO-{period}-{idNumber}"), amount, paidOn), ct);
        }
    }

    /// <summary>
    /// What the other payers (employer, medical insurance fund, treasury) owe on the period's bills arrives through the
    /// clerk's use case (<see cref="RecordTransferCommand"/>): a yearly period in four quarterly parts on the 20th of each
    /// quarter's first month, a monthly period in one part on the 20th; a part dated after today waits. Idempotent by the
    /// transfer's reference.
    /// </summary>
    private static async Task TransferAsync(ISender sender, string period, DateOnly today, ILogger logger, string tenant, CancellationToken ct)
    {
        var parsed = ContributionPeriod.TryParse(period, out var p) ? p : throw new InvalidOperationException(period);
        var receivables = await sender.Send(new ListReceivablesQuery(period), ct);
        foreach (var payer in receivables.Where(r => r.Payer != Payer.Codes.Individual).GroupBy(r => r.Payer))
        {
            var due = payer.Sum(r => r.Due);
            var parts = parsed.IsYear ? 4 : 1;
            var part = decimal.Round(due / parts, 2, MidpointRounding.AwayFromZero);
            for (var q = 1; q <= parts; q++)
            {
                var receivedOn = parsed.IsYear ? new DateOnly(parsed.Start.Year, q * 3 - 2, 20) : parsed.Start.AddDays(19);
                var amount = q < parts ? part : due - (parts - 1) * part;
                if (receivedOn > today || amount <= 0m)
                    continue;
                var reference = DemoData.Invariant($"DEMO-{period}-{payer.Key}-{q}");
                try
                {
                    await sender.Send(new RecordTransferCommand(period, payer.Key, amount, reference, receivedOn), ct);
                }
                catch (BillingRefusedException ex)
                {
                    // Seeding again on a database people have used since (a restart, a second node): the part recorded
                    // then stands (reference_reused: the period's bills have changed, so the share differs now), and a
                    // part the period no longer owes is not forced. Demo data never stops the app from starting.
                    LogBillingRefused(logger, tenant, period, ex.Message);
                }
            }
        }
    }

    /// <summary>The demo category certified for a person of <paramref name="tenant"/>, if any (Shishi's special groups).</summary>
    public static string? DemoStatus(string tenant, string idNumber)
    {
        if (tenant != TenantIds.Shishi)
            return null;
        var draw = Fnv("status/" + idNumber) % 100;
        return draw < 20 ? PersonStatus.Dibao : draw < 30 ? PersonStatus.Bianyuan : draw < 35 ? PersonStatus.Tekun : null;
    }

    /// <summary>FNV-1a of the text: the same draw on every machine and run (unlike string.GetHashCode).</summary>
    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return hash;
    }

    private static void LogBillingRefused(ILogger logger, string tenant, string period, string message) =>
        logger.LogWarning("Demo billing of {Tenant} {Period} refused: {Message}", tenant, period, message);
}
