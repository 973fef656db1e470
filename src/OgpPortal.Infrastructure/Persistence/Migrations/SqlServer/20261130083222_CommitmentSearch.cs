using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OgpPortal.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CommitmentSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Members_Region",
                table: "Members",
                column: "Region");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_ChallengeArea",
                table: "Commitments",
                column: "ChallengeArea");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_PeriodStart",
                table: "ActionPlans",
                column: "PeriodStart");

            // Full-text index over the commitments' text (ADR 0007), for CONTAINS/CONTAINSTABLE. Language 0
            // (neutral) because commitments are written in many languages. Full-text DDL cannot run inside a
            // transaction. Untested here: no SQL Server on the development machines; needs the Full-Text
            // Search feature installed (Azure SQL has it).
            migrationBuilder.Sql("CREATE FULLTEXT CATALOG CommitmentsCatalog;", suppressTransaction: true);
            migrationBuilder.Sql("""
                CREATE FULLTEXT INDEX ON Commitments (Title LANGUAGE 0, ShortTitle LANGUAGE 0, Problem LANGUAGE 0, Description LANGUAGE 0, Solution LANGUAGE 0)
                KEY INDEX PK_Commitments ON CommitmentsCatalog WITH CHANGE_TRACKING AUTO;
                """, suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FULLTEXT INDEX ON Commitments;", suppressTransaction: true);
            migrationBuilder.Sql("DROP FULLTEXT CATALOG CommitmentsCatalog;", suppressTransaction: true);

            migrationBuilder.DropIndex(
                name: "IX_Members_Region",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_ChallengeArea",
                table: "Commitments");

            migrationBuilder.DropIndex(
                name: "IX_ActionPlans_PeriodStart",
                table: "ActionPlans");
        }
    }
}
