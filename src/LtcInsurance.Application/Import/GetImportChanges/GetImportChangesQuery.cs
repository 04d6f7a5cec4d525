using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Import.GetImportChanges;

/// <summary>
/// What an import changed of people already on the register, per person (the import's result report): the fields it
/// changed with before and after, the categories it ended or added, and what the eligibility rule then did with the
/// person's enrolment (closed, switched, refused with reason and clause). Ordered by person, then as recorded.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record GetImportChangesQuery(Guid JobId) : IRequest<IReadOnlyList<ImportChange>>;

/// <param name="IdNumber">Masked, as in the people list.</param>
public sealed record ImportChange(PersonId PersonId, string Name, string IdNumber, string Field, string FieldZh, string? Before,
    string? After, string? Note);
