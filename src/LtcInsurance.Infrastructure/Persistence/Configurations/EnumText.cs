using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LtcInsurance.Infrastructure.Persistence.Configurations;

/// <summary>Stores an enum as its snake_case name ("flexibly_employed"): readable in SQL, stable under reordering.</summary>
internal sealed class EnumText<TEnum>() : ValueConverter<TEnum, string>(
    value => SnakeCaseNaming.ToSnakeCase(value.ToString()),
    text => Enum.Parse<TEnum>(text.Replace("_", "", StringComparison.Ordinal), true))
    where TEnum : struct, Enum;
