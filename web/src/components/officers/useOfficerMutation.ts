import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import type { OfficerDetail } from '../../api/types';

/** A POST on an officer that answers with the updated officer: refreshes the detail, the list and the timeline. */
export function useOfficerMutation<V>(officerId: string, path: (v: V) => string, body: (v: V) => unknown) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => api.post<OfficerDetail>(`/api/officers/${officerId}${path(v)}`, body(v)),
    onSuccess: (o) => {
      queryClient.setQueryData(keys.officer(officerId), o);
      queryClient.invalidateQueries({ queryKey: ['officers'] });
      queryClient.invalidateQueries({ queryKey: keys.matter('officer', officerId) });
    },
  });
}
