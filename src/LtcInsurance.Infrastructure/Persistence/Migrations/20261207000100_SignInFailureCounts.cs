using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtcInsurance.Infrastructure.Persistence.Migrations;

/// <summary>
/// Failed sign-ins per (client address, user name) in the database instead of each node's memory, so that every web
/// node counts the same failures (docs/security.md, "Sign-in throttling and lockout"). Platform data, not a tenant
/// table; the application role reads and writes it through the default privileges.
/// </summary>
[DbContext(typeof(LtcDbContext))]
[Migration("20261207000100_SignInFailureCounts")]
public sealed class SignInFailureCounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE sign_in_failure_counts (
                address text NOT NULL,
                user_name text NOT NULL,
                failures integer NOT NULL,
                window_started_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_sign_in_failure_counts PRIMARY KEY (address, user_name)
            );
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP TABLE sign_in_failure_counts;");
    }
}
