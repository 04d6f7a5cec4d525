using FluentValidation;

namespace LtcInsurance.Application.Tenants.ListCityModules;

/// <summary>Nothing to check: the query has no values.</summary>
internal sealed class ListCityModulesValidator : AbstractValidator<ListCityModulesQuery>;
