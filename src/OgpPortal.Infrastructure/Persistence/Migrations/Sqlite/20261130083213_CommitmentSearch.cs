using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OgpPortal.Infrastructure.Persistence.Migrations.Sqlite
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

            // Full-text index over the commitments' text (ADR 0007): an FTS5 table that holds only the index
            // (external content: the text stays in Commitments), kept in step by triggers. unicode61 with
            // remove_diacritics 0 folds case in every script and keeps æ, ø, å and accents as distinct letters.
            // A later migration that rebuilds Commitments (SQLite's way of altering a column) drops these
            // triggers and must create them again; a test checks they exist after all migrations.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "CommitmentsSearch" USING fts5(
                    "Title", "ShortTitle", "Problem", "Description", "Solution",
                    content='Commitments', content_rowid='Id',
                    tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Commitments_SearchInsert" AFTER INSERT ON "Commitments" BEGIN
                    INSERT INTO "CommitmentsSearch"(rowid, "Title", "ShortTitle", "Problem", "Description", "Solution")
                    VALUES (new."Id", new."Title", new."ShortTitle", new."Problem", new."Description", new."Solution");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Commitments_SearchDelete" AFTER DELETE ON "Commitments" BEGIN
                    INSERT INTO "CommitmentsSearch"("CommitmentsSearch", rowid, "Title", "ShortTitle", "Problem", "Description", "Solution")
                    VALUES ('delete', old."Id", old."Title", old."ShortTitle", old."Problem", old."Description", old."Solution");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Commitments_SearchUpdate" AFTER UPDATE OF "Title", "ShortTitle", "Problem", "Description", "Solution" ON "Commitments" BEGIN
                    INSERT INTO "CommitmentsSearch"("CommitmentsSearch", rowid, "Title", "ShortTitle", "Problem", "Description", "Solution")
                    VALUES ('delete', old."Id", old."Title", old."ShortTitle", old."Problem", old."Description", old."Solution");
                    INSERT INTO "CommitmentsSearch"(rowid, "Title", "ShortTitle", "Problem", "Description", "Solution")
                    VALUES (new."Id", new."Title", new."ShortTitle", new."Problem", new."Description", new."Solution");
                END;
                """);
            migrationBuilder.Sql("""INSERT INTO "CommitmentsSearch"("CommitmentsSearch") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Commitments_SearchUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Commitments_SearchDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Commitments_SearchInsert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "CommitmentsSearch";""");

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
