using FluentValidation;

namespace LtcInsurance.Application.Providers.ListCatalogueVersions;

/// <summary>Nothing to check (every request has a validator, by convention).</summary>
internal sealed class ListCatalogueVersionsQueryValidator : AbstractValidator<ListCatalogueVersionsQuery>;
