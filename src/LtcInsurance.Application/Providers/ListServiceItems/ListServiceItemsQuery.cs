using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Providers.ListServiceItems;

/// <summary>
/// The service catalogue as it stood on <paramref name="AsOf"/> (null: today), by code; <paramref name="Text"/> narrows
/// it to codes or names containing the text. Institutions read it too (they claim by it).
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin, Roles.Auditor, Roles.Institution)]
public sealed record ListServiceItemsQuery(DateOnly? AsOf = null, string? Text = null) : IRequest<IReadOnlyList<ServiceItemView>>;

/// <param name="Category">A <c>LineCategories</c> code.</param>
/// <param name="RequiredQualification">A <see cref="Domain.Providers.CareQualifications"/> code, if any.</param>
public sealed record ServiceItemView(
    Guid Id,
    string Code,
    string Name,
    string Category,
    string Unit,
    decimal? Price,
    string? RequiredQualification,
    string? NationalCode,
    string? NationalMapping,
    DateOnly ValidFrom,
    DateOnly? ValidTo);
