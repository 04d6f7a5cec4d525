using FluentValidation;

namespace LtcInsurance.Application.People.ListPeopleRegions;

/// <summary>Nothing to check: the request has no parameters (every request has a validator, by convention).</summary>
internal sealed class ListPeopleRegionsQueryValidator : AbstractValidator<ListPeopleRegionsQuery>;
