/** `lotsen branch add NAME [--info-desk TEXT] [--transport-app NAME] [--fallback-language sv]`. */
import { BranchSettings } from '../../shared/api/contract.ts';
import { describeProblems } from '../../shared/content/guide.ts';
import { addBranch, findBranchesByName } from '../branches/library-branches.ts';
import type { Database } from '../database/open-database.ts';
import { DEMO_BRANCH } from '../seed/seed-database.ts';
import { CommandFailure, UsageError, parseCommandArgs, type CliIo } from './cli-io.ts';

const OPTION_NAMES: Record<string, string> = {
  libraryName: 'NAME',
  infoDesk: '--info-desk',
  transportApp: '--transport-app',
  fallbackLanguage: '--fallback-language',
};

export function addBranchCommand(args: string[], io: CliIo, db: () => Database) {
  const { values, positionals } = parseCommandArgs(args, {
    'info-desk': { type: 'string' },
    'transport-app': { type: 'string' },
    'fallback-language': { type: 'string' },
  });
  if (positionals.length !== 1) {
    throw new UsageError('Give the branch name as one argument, in quotes if it has spaces.');
  }
  // The demo branch's words are the defaults; guide text shows them, so set your own.
  const parsed = BranchSettings.omit({ branchId: true }).safeParse({
    libraryName: positionals[0],
    infoDesk: values['info-desk'] ?? DEMO_BRANCH.infoDesk,
    transportApp: values['transport-app'] ?? DEMO_BRANCH.transportApp,
    fallbackLanguage: values['fallback-language'] ?? DEMO_BRANCH.fallbackLanguage,
  });
  if (!parsed.success) {
    const problems = describeProblems(parsed.error).replace(
      /^(\w+):/gm,
      (_match, key: string) => `${OPTION_NAMES[key] ?? key}:`,
    );
    throw new UsageError(problems);
  }
  const settings = parsed.data;
  if (findBranchesByName(db(), settings.libraryName).length > 0) {
    throw new CommandFailure(`There is already a branch called "${settings.libraryName}".`);
  }
  const branch = addBranch(db(), settings);
  io.stdout.write(
    `Added the branch "${branch.name}" (branch ${branch.id}): info desk "${settings.infoDesk}", ` +
      `transport app "${settings.transportApp}", fallback language ${settings.fallbackLanguage}.\n`,
  );
}
