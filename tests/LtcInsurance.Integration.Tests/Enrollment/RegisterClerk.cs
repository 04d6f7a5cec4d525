using LtcInsurance.Application.Enrollment.AddStatus;
using LtcInsurance.Application.Enrollment.Enrol;
using LtcInsurance.Application.Enrollment.RecordDeath;
using LtcInsurance.Application.Enrollment.SetGuardian;
using LtcInsurance.Application.People.GetContinuity;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Integration.Tests.Enrollment;

/// <summary>
/// For tests that need people enrolled before what they test (billing, payments, isolation): the register's use cases
/// sent through a <see cref="UseCaseHost"/> acting for one tenant, with person ids as the tests hold them.
/// </summary>
public sealed class RegisterClerk(RegisterDatabase database, string tenant)
{
    public async Task<EnrollmentDecision> EnrollAsync(EnrollRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var host = database.Host(tenant);
        return await host.Send(new EnrolCommand(new PersonId(request.PersonId), request.StartDate, request.FlexibleChoice, request.MonthlyBase));
    }

    public async Task AddStatusAsync(Guid personId, string status, DateOnly from, DateOnly? to)
    {
        await using var host = database.Host(tenant);
        await host.Send(new AddStatusCommand(new PersonId(personId), status, from, to));
    }

    public async Task SetGuardianAsync(Guid minorId, Guid guardianId, string relationship, DateOnly since)
    {
        await using var host = database.Host(tenant);
        await host.Send(new SetGuardianCommand(new PersonId(minorId), new PersonId(guardianId), relationship, since));
    }

    public async Task RecordDeathAsync(Guid personId, DateOnly dateOfDeath)
    {
        await using var host = database.Host(tenant);
        await host.Send(new RecordDeathCommand(new PersonId(personId), dateOfDeath));
    }

    /// <summary>The person's continuity for the waiting-period rule (<see cref="GetContinuityQuery"/>).</summary>
    public async Task<Enrolment?> ContinuityAsync(Guid personId, DateOnly asOf)
    {
        await using var host = database.Host(tenant);
        return await host.Send(new GetContinuityQuery(new PersonId(personId), asOf));
    }
}

/// <summary>What <see cref="RegisterClerk.EnrollAsync"/> takes: <see cref="EnrolCommand"/> with the person id as a Guid.</summary>
public sealed record EnrollRequest(Guid PersonId, DateOnly StartDate, string? FlexibleChoice = null, decimal? MonthlyBase = null);
