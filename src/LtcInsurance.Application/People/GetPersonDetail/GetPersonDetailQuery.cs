using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.People.GetPersonDetail;

/// <summary>
/// Everything the register knows of one person, with the full ID number, phone and address: personal data shown one
/// person at a time. Every answer is logged (who saw whose full ID number, in which tenant). Null: no such person
/// in the current tenant (another city's person simply is not there).
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record GetPersonDetailQuery(PersonId PersonId) : IRequest<PersonDetail?>;

/// <param name="Id">The category period (what <c>EndStatusCommand</c> names).</param>
public sealed record StatusView(string Status, string NameZh, DateOnly From, DateOnly? To, Guid Id = default);

public sealed record EnrollmentView(Guid Id, string Scheme, DateOnly Start, DateOnly? End, decimal? MonthlyBase);

public sealed record BillView(BillId Id, string Period, string Scheme, decimal Total, decimal IndividualDue, decimal Paid,
    IReadOnlyDictionary<string, decimal> ByPayer, EntrySequence? JournalSequence);

public sealed record PaymentView(Guid Id, BillId BillId, string Reference, decimal Amount, DateOnly PaidOn, EntrySequence? JournalSequence);

/// <param name="Sex">A <c>Sex</c> name (Male, Female).</param>
/// <param name="MedicalInsurance">A <c>MedicalInsuranceScheme</c> name.</param>
/// <param name="Employment">An <c>EmploymentStatus</c> name.</param>
public sealed record PersonDetail(
    PersonId Id,
    string Name,
    string IdNumber,
    string Sex,
    DateOnly BirthDate,
    string RegionCode,
    string MedicalInsurance,
    string Employment,
    string? Phone,
    string? Address,
    DateOnly? DateOfDeath,
    PersonId? GuardianId,
    IReadOnlyList<StatusView> Statuses,
    IReadOnlyList<EnrollmentView> Enrollments,
    IReadOnlyList<BillView> Bills,
    IReadOnlyList<PaymentView> Payments);
