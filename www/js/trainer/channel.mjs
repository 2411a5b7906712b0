// @ts-check
// How the trainer's window and the audience window keep in step: a BroadcastChannel, which only
// reaches windows of this browser on this origin. Nothing goes over the network.
//
//   audience → trainer   { type: 'hello' }          a window has opened: send it the view
//                        { type: 'command', action: 'next' | 'previous' }  a key pressed there
//                        { type: 'bye' }            it is closing
//   trainer → audience   { type: 'view', view }     what to show: only what has been revealed
//                        { type: 'presenter' }      a trainer's window has (re)started: say hello
//                        { type: 'closed' }         the trainer's window is closing

/** The channel's name. */
export const CHANNEL = 'waymark-trainer';

export const MESSAGE = {
  hello: 'hello',
  command: 'command',
  bye: 'bye',
  view: 'view',
  presenter: 'presenter',
  closed: 'closed',
};
