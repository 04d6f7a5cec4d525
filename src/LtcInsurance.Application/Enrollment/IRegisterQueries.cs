using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Application.Enrollment;

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Skip, int Take);

/// <summary>A row of the register search. <see cref="MaskedIdNumber"/> is what lists show.</summary>
public sealed record PersonSummary(Guid Id, string Name, string MaskedIdNumber, string RegionCode, string? CurrentScheme, bool Deceased);

public sealed record StatusView(string Status, string NameZh, DateOnly From, DateOnly? To);

public sealed record EnrollmentView(Guid Id, string Scheme, DateOnly Start, DateOnly? End, decimal? MonthlyBase);

public sealed record BillView(Guid Id, string Period, string Scheme, decimal Total, decimal IndividualDue, decimal Paid,
    IReadOnlyDictionary<string, decimal> ByPayer, long? JournalSequence);

public sealed record PaymentView(Guid Id, Guid BillId, string Reference, decimal Amount, DateOnly PaidOn, long? JournalSequence);

public sealed record PersonDetail(
    Guid Id,
    string Name,
    string IdNumber,
    string Sex,
    DateOnly BirthDate,
    string RegionCode,
    string MedicalInsurance,
    string Employment,
    DateOnly? DateOfDeath,
    Guid? GuardianId,
    IReadOnlyList<StatusView> Statuses,
    IReadOnlyList<EnrollmentView> Enrollments,
    IReadOnlyList<BillView> Bills,
    IReadOnlyList<PaymentView> Payments);

/// <summary>Read side of the register for pages and the CLI (current tenant only).</summary>
public interface IRegisterQueries
{
    /// <summary>People whose name starts with <paramref name="text"/>, or whose ID number is it (all when empty); by name.</summary>
    Task<Page<PersonSummary>> SearchPeopleAsync(string? text, int skip, int take, CancellationToken cancellationToken = default);

    Task<PersonDetail?> PersonDetailAsync(Guid personId, CancellationToken cancellationToken = default);

    /// <summary>The person's continuity for the waiting-period rule: unpaid own contributions count as interruptions.</summary>
    Task<Enrolment?> ContinuityAsync(Guid personId, DateOnly asOf, CancellationToken cancellationToken = default);
}
