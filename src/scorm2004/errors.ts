// The SCORM 2004 error codes GetLastError reports (RTE 3.1.7, IEEE 1484.11.2), by name, with the
// book's texts for GetErrorString: one list for the course's adapter and for the LMS doubles.

export const Scorm2004ErrorCode = {
  noError: 0,
  generalException: 101,
  generalInitializationFailure: 102,
  alreadyInitialized: 103,
  contentInstanceTerminated: 104,
  generalTerminationFailure: 111,
  terminationBeforeInitialization: 112,
  terminationAfterTermination: 113,
  retrieveDataBeforeInitialization: 122,
  retrieveDataAfterTermination: 123,
  storeDataBeforeInitialization: 132,
  storeDataAfterTermination: 133,
  commitBeforeInitialization: 142,
  commitAfterTermination: 143,
  generalArgumentError: 201,
  generalGetFailure: 301,
  generalSetFailure: 351,
  generalCommitFailure: 391,
  undefinedDataModelElement: 401,
  unimplementedDataModelElement: 402,
  valueNotInitialized: 403,
  elementIsReadOnly: 404,
  elementIsWriteOnly: 405,
  typeMismatch: 406,
  valueOutOfRange: 407,
  dependencyNotEstablished: 408,
} as const;

export type Scorm2004ErrorCodeValue = (typeof Scorm2004ErrorCode)[keyof typeof Scorm2004ErrorCode];

export const ERROR_STRINGS: Readonly<Record<Scorm2004ErrorCodeValue, string>> = {
  0: 'No Error',
  101: 'General Exception',
  102: 'General Initialization Failure',
  103: 'Already Initialized',
  104: 'Content Instance Terminated',
  111: 'General Termination Failure',
  112: 'Termination Before Initialization',
  113: 'Termination After Termination',
  122: 'Retrieve Data Before Initialization',
  123: 'Retrieve Data After Termination',
  132: 'Store Data Before Initialization',
  133: 'Store Data After Termination',
  142: 'Commit Before Initialization',
  143: 'Commit After Termination',
  201: 'General Argument Error',
  301: 'General Get Failure',
  351: 'General Set Failure',
  391: 'General Commit Failure',
  401: 'Undefined Data Model Element',
  402: 'Unimplemented Data Model Element',
  403: 'Data Model Element Value Not Initialized',
  404: 'Data Model Element Is Read Only',
  405: 'Data Model Element Is Write Only',
  406: 'Data Model Element Type Mismatch',
  407: 'Data Model Element Value Out Of Range',
  408: 'Data Model Dependency Not Established',
};

/** The text of an error code given as a string ("" for a code that is not SCORM 2004's). */
export function errorString(code: string): string {
  return Object.keys(ERROR_STRINGS).includes(code) ? ERROR_STRINGS[Number(code) as Scorm2004ErrorCodeValue] : '';
}

/** The code a session call gets before Initialize, by call. */
export const BEFORE_INITIALIZE: Readonly<Record<'Terminate' | 'GetValue' | 'SetValue' | 'Commit', Scorm2004ErrorCodeValue>> = {
  Terminate: Scorm2004ErrorCode.terminationBeforeInitialization,
  GetValue: Scorm2004ErrorCode.retrieveDataBeforeInitialization,
  SetValue: Scorm2004ErrorCode.storeDataBeforeInitialization,
  Commit: Scorm2004ErrorCode.commitBeforeInitialization,
};

/** The code a session call gets after Terminate, by call (Initialize after Terminate is 104). */
export const AFTER_TERMINATE: Readonly<Record<'Initialize' | 'Terminate' | 'GetValue' | 'SetValue' | 'Commit', Scorm2004ErrorCodeValue>> = {
  Initialize: Scorm2004ErrorCode.contentInstanceTerminated,
  Terminate: Scorm2004ErrorCode.terminationAfterTermination,
  GetValue: Scorm2004ErrorCode.retrieveDataAfterTermination,
  SetValue: Scorm2004ErrorCode.storeDataAfterTermination,
  Commit: Scorm2004ErrorCode.commitAfterTermination,
};
