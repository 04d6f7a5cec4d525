using FluentValidation;

namespace LtcInsurance.Application.Institutions.ListInstitutions;

/// <summary>Nothing to check: the request has no parameters (every request has a validator, by convention).</summary>
internal sealed class ListInstitutionsQueryValidator : AbstractValidator<ListInstitutionsQuery>;
